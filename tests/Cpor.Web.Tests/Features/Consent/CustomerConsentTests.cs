using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Consent;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Consent;

public class CustomerConsentTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task OptOut_AfterTheConsentWindow_Is409ConsentWindowClosed_AndChangesNothing()
    {
        var partner = await app.PartnerAsync();
        var customer = await app.ClientAsync(World.CustomerAdmin);
        var approved = await app.ApprovedClaimAsync(partner, World.M365Claim("Late opt-out", "sharepoint-online"));
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var response = await customer.PostAsync($"/api/v1/customer/claims/{approved.Id}/opt-out", new { });

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConsentWindowClosed);
        var after = await app.GetClaimAsync(partner, approved.Id);
        Assert.Equal((ClaimStatus.Approved, approved.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task CustomerAdminOfAnotherTenant_GetsNotFound_AndDoesNotSeeTheClaim()
    {
        var partner = await app.PartnerAsync();
        var stranger = await app.ClientAsync(World.OtherCustomerAdmin);
        var approved = await app.ApprovedClaimAsync(partner, World.M365Claim("Not yours", "exchange-online"));

        var optOut = await stranger.PostAsync($"/api/v1/customer/claims/{approved.Id}/opt-out", new { });
        var end = await stranger.PostAsync($"/api/v1/customer/claims/{approved.Id}/end", new { });
        var list = await ApiFixture.OkAsync<Page<CustomerClaimResponse>>(await stranger.GetAsync("/api/v1/customer/claims"));

        await Problem.AssertAsync(optOut, HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await Problem.AssertAsync(end, HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.DoesNotContain(list.Items, c => c.Id == approved.Id);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(partner, approved.Id)).Status);
    }

    [Fact]
    public async Task CustomerEnd_OfAnActiveAssociation_EndsIt_WithCustomerEnded()
    {
        var partner = await app.PartnerAsync();
        var tenant = await app.NewTenantAsync();
        var customer = await app.CustomerAdminAsync(tenant.Id, $"admin@{tenant.Domain}");
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "To be ended"));
        var tooEarly = await customer.PostAsync($"/api/v1/customer/claims/{approved.Id}/end", new { });
        await Problem.AssertAsync(tooEarly, HttpStatusCode.Conflict, ErrorCodes.InvalidTransition);
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();

        var ended = await ApiFixture.OkAsync<CustomerClaimResponse>(await customer.PostAsync($"/api/v1/customer/claims/{approved.Id}/end", new { comment = "Contract over." }));

        Assert.Equal((ClaimStatus.Ended, "CustomerEnded"), (ended.Status, ended.StatusReason));
        var association = Assert.Single(ended.Associations);
        Assert.Equal((AssociationState.Ended, EndReason.CustomerEnded), (association.State, association.EndReason));
    }

    [Fact]
    public async Task CustomerClaims_ForAPartnerUser_IsForbidden()
    {
        var partner = await app.PartnerAsync();

        var response = await partner.GetAsync("/api/v1/customer/claims");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Theory]
    [InlineData("status=Bogus", "status")]
    [InlineData("status=0", "status")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task CustomerClaims_WithABadFilterOrCursor_Is400(string query, string field)
    {
        var customer = await app.ClientAsync(World.CustomerAdmin);

        var response = await customer.GetAsync("/api/v1/customer/claims?" + query);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field == "cursor" ? ErrorCodes.CursorInvalid : ErrorCodes.FilterInvalid, field);
    }

    [Fact]
    public async Task OptOut_WithATooLongComment_IsRefused_AndChangesNothing()
    {
        var partner = await app.PartnerAsync();
        var tenant = await app.NewTenantAsync();
        var customer = await app.CustomerAdminAsync(tenant.Id, $"admin@{tenant.Domain}");
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Long comment"));

        var response = await customer.PostAsync($"/api/v1/customer/claims/{approved.Id}/opt-out", new { comment = new string('x', 4001) });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.ValueTooLong, "comment");
        Assert.Equal(approved.Version, (await app.GetClaimAsync(partner, approved.Id)).Version);
    }

    [Fact]
    public async Task CustomerClaims_ListsTheTenantsClaimsPastDraft_WithTheirAssociations()
    {
        var partner = await app.PartnerAsync();
        var tenant = await app.NewTenantAsync();
        var customer = await app.CustomerAdminAsync(tenant.Id, $"list@{tenant.Domain}");
        await using var draft = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Draft", "onedrive"));
        var submitted = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Submitted", "exchange-online"));
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Approved", "teams"));

        var all = await ApiFixture.OkAsync<Page<CustomerClaimResponse>>(await customer.GetAsync("/api/v1/customer/claims"));
        var onlyApproved = await ApiFixture.OkAsync<Page<CustomerClaimResponse>>(await customer.GetAsync("/api/v1/customer/claims?status=Approved"));

        Assert.Equal(new[] { approved.Id, submitted.Id }.Order(), all.Items.Select(c => c.Id).Order());
        var association = Assert.Single(Assert.Single(onlyApproved.Items).Associations);
        Assert.Equal(("teams", AssociationState.Approved), (association.ProductId, association.State));
        Assert.Equal("Microsoft Teams", all.Items.Single(c => c.Id == approved.Id).Products.Single().ProductName);
    }
}
