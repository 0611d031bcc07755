using System.Net;
using System.Net.Http.Json;
using Cpor.Domain;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Claims;

/// <summary>Every code of CPOR.md §7 that concerns the partner flow, provoked over HTTP: status, code, field, and nothing written.</summary>
public class ValidationTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, Action<Dictionary<string, object?>>> CreateCases() => new()
    {
        { ErrorCodes.DomainTenantMismatch, "customerDomain", c => c["customerDomain"] = World.OtherDomain },
        { ErrorCodes.TenantNotFound, "tenantId", c => c["tenantId"] = Guid.NewGuid().ToString() },
        { ErrorCodes.TenantIdInvalid, "tenantId", c => c["tenantId"] = "customer" },
        { ErrorCodes.MpnNotInOrg, "mpnId", c => c["mpnId"] = World.FabrikamMpn },
        { ErrorCodes.MpnNotEnrolled, "mpnId", c => c["mpnId"] = World.ContosoUnenrolledMpn },
        { ErrorCodes.MpnIdInvalid, "mpnId", c => c["mpnId"] = "MPN-1" },
        { ErrorCodes.ActivityNotInSolutionArea, "activity", c => c["activity"] = "PreSales" },
        { ErrorCodes.ProductNotInSolutionArea, "products[0].productId", c => c["products"] = Products(("power-apps", null)) },
        { ErrorCodes.WorkloadNotOnTenant, "products[0].productId", c => c["products"] = Products(("intune", null)) },
        { ErrorCodes.SubscriptionRequired, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-finance", null)) },
        { ErrorCodes.SubscriptionIdInvalid, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-sales", "sub-1")) },
        { ErrorCodes.SubscriptionNotFound, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-sales", Guid.NewGuid().ToString())) },
        { ErrorCodes.SubscriptionNotOnTenant, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-sales", World.OtherTenantSubscription.ToString())) },
        { ErrorCodes.ProductNotOnTenant, "products[0].productId", c => Sales(c, ("power-apps", null)) },
        { ErrorCodes.SubscriptionNotDynamics, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-sales", World.ExchangeSubscription.ToString())) },
        { ErrorCodes.SubscriptionIsCsp, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-field-service", World.CspSubscription.ToString())) },
        { ErrorCodes.SubscriptionNotProvisioned, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-commerce", null)) },
        { ErrorCodes.SubscriptionNotActive, "products[0].subscriptionId", c => Sales(c, ("dynamics-365-customer-service", World.DisabledSubscription.ToString())) },
        { ErrorCodes.ContactRequired, "customerContact.email", c => c["customerContact"] = new { name = "Ann", title = "CIO" } },
        { ErrorCodes.ContactRequired, "partnerContact.name", c => c["partnerContact"] = new { email = "pat@contoso.test" } },
        { ErrorCodes.TechnicalContactRequired, "technicalContact", c => { Sales(c, ("dynamics-365-sales", null)); c.Remove("technicalContact"); } },
        { ErrorCodes.RevenueFieldsRequired, "revenueAssociation.customerName", c => { Sales(c, ("dynamics-365-sales", null)); c["activity"] = "RevenueAssociation"; c["revenueAssociation"] = new { solutionSellerName = "Seller", isvProductName = "App" }; } },
        { ErrorCodes.ProductsRequired, "products", c => c["products"] = Array.Empty<object>() },
        { ErrorCodes.EmailInvalid, "customerContact.email", c => c["customerContact"] = new { name = "Ann", title = "CIO", email = "ann at customer" } },
    };

    [Theory]
    [MemberData(nameof(CreateCases))]
    public async Task Create_Invalid_AnswersTheCodeOnTheField_AndWritesNothing(string code, string field, Action<Dictionary<string, object?>> change)
    {
        var partner = await app.PartnerAsync();
        var body = World.M365Claim("Invalid " + code);
        change(body);
        var before = await CountsAsync();

        var response = await partner.PostAsJsonAsync("/api/v1/claims", body);

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, code, field);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_WithSeveralProblems_ReportsEachOnItsField()
    {
        var partner = await app.PartnerAsync();
        var body = World.M365Claim();
        body["mpnId"] = World.FabrikamMpn;
        body["customerDomain"] = World.OtherDomain;

        var response = await partner.PostAsJsonAsync("/api/v1/claims", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.MpnNotInOrg, "mpnId");
        Assert.True(problem.GetProperty("errors").TryGetProperty("customerDomain", out _));
        Assert.Equal(2, problem.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public async Task Create_SameOrganisationTwiceOnAWorkload_IsWorkloadAlreadyClaimed()
    {
        var partner = await app.PartnerAsync();
        await using var first = await app.TemporaryDraftAsync(partner, World.M365Claim("First", "onedrive"));
        var before = await CountsAsync();

        var response = await partner.PostAsJsonAsync("/api/v1/claims", World.M365Claim("Second", "onedrive"));

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.WorkloadAlreadyClaimed, "products[0]");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_SameOrganisationTwiceOnASubscription_IsSubscriptionAlreadyClaimed()
    {
        var partner = await app.PartnerAsync();
        await using var first = await app.TemporaryDraftAsync(partner, World.SalesClaim("First sales"));

        var response = await partner.PostAsJsonAsync("/api/v1/claims", World.SalesClaim("Second sales"));

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.SubscriptionAlreadyClaimed, "products[0]");
    }

    [Fact]
    public async Task Create_SameUnitForAnotherActivity_IsAnotherUnit()
    {
        var partner = await app.PartnerAsync();
        await using var usage = await app.TemporaryDraftAsync(partner, World.SalesClaim("Sales usage"));
        var preSales = World.SalesClaim("Sales pre-sales");
        preSales["activity"] = "PreSales";

        await using var second = await app.TemporaryDraftAsync(partner, preSales);

        Assert.False(second.Claim.Competing);
    }

    [Fact]
    public async Task Create_AfterTheFirstWasWithdrawn_IsAccepted()
    {
        var partner = await app.PartnerAsync();
        var first = await app.CreateDraftAsync(partner, World.M365Claim("Withdrawn first", "exchange-online"));
        await partner.PostAsJsonAsync($"/api/v1/claims/{first.Id}/withdraw", new { });

        await using var second = await app.TemporaryDraftAsync(partner, World.M365Claim("After withdrawal", "exchange-online"));

        Assert.Equal(ClaimStatus.Draft, second.Claim.Status);
    }

    [Fact]
    public async Task Create_AnotherOrganisationHoldsTheUnit_IsCompeting_AndFlagsTheOther()
    {
        var contoso = await app.PartnerAsync();
        var fabrikam = await app.ClientAsync(World.FabrikamIncentives);
        await using var first = await app.TemporaryDraftAsync(contoso, World.M365Claim("Contoso Teams", "teams"));
        var rival = World.M365Claim("Fabrikam Teams", "teams");
        rival["mpnId"] = World.FabrikamMpn;

        await using var second = await app.TemporaryDraftAsync(fabrikam, rival);

        Assert.True(second.Claim.Competing);
        var flagged = await app.GetClaimAsync(contoso, first.Id);
        Assert.True(flagged.Competing);
        var history = await ApiFixture.OkAsync<Cpor.Web.Infrastructure.Page<Cpor.Web.Features.Claims.HistoryEntryResponse>>(await contoso.GetAsync($"/api/v1/claims/{first.Id}/history"));
        Assert.Contains(history.Items, h => h.Action == "MarkedCompeting" && h.Actor.Kind == ActorKind.System);
    }

    [Fact]
    public async Task Submit_WhenTheSubscriptionLapsedSinceTheDraft_IsRefused()
    {
        var partner = await app.PartnerAsync();
        var claim = World.SalesClaim("Lapsing");
        claim["products"] = Products(("power-bi-pro", World.GraceSubscription.ToString()));
        claim.Remove("technicalContact");
        await using var draft = await app.TemporaryDraftAsync(partner, claim);
        await app.AttachAsync(partner, draft.Id);
        var admin = await app.AdminAsync();
        var lapse = $$"""{"type":"subscription","subscriptionId":"{{World.GraceSubscription}}","tenantId":"{{World.Tenant}}","productId":"power-bi-pro","channel":"VolumeLicensing","state":"Disabled","provisioned":true}""";
        await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(lapse, System.Text.Encoding.UTF8, "application/x-ndjson"));

        var response = await partner.PostAsJsonAsync($"/api/v1/claims/{draft.Id}/submit", new { });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.SubscriptionNotActive);
        Assert.Equal(ClaimStatus.Draft, (await app.GetClaimAsync(partner, draft.Id)).Status);
        var restore = lapse.Replace("Disabled", "Grace", StringComparison.Ordinal);
        await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(restore, System.Text.Encoding.UTF8, "application/x-ndjson"));
    }

    [Fact]
    public async Task Submit_WithoutPoe_IsPoeRequired()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("No PoE", "sharepoint-online"));

        var response = await partner.PostAsJsonAsync($"/api/v1/claims/{draft.Id}/submit", new { });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.PoeRequired, "attachments");
    }

    [Fact]
    public async Task Dispute_ADraft_IsInvalidTransition()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Dispute draft", "teams"));

        var response = await partner.PostAsJsonAsync($"/api/v1/claims/{draft.Id}/dispute", new { justification = "why" });

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.InvalidTransition);
    }

    [Fact]
    public async Task Dispute_AWithdrawnClaim_IsDisputeNotAllowed()
    {
        var partner = await app.PartnerAsync();
        var draft = await app.CreateDraftAsync(partner, World.M365Claim("Withdrawn", "onedrive"));
        await partner.PostAsJsonAsync($"/api/v1/claims/{draft.Id}/withdraw", new { });

        var response = await partner.PostAsJsonAsync($"/api/v1/claims/{draft.Id}/dispute", new { justification = "changed my mind" });

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.DisputeNotAllowed);
    }

    [Fact]
    public async Task Patch_ExternalIdOfAnotherClaim_IsExternalIdTaken()
    {
        var partner = await app.PartnerAsync();
        var body = World.M365Claim("External A", "teams");
        body["externalId"] = "CRM-A";
        await using var a = await app.TemporaryDraftAsync(partner, body);
        await using var b = await app.TemporaryDraftAsync(partner, World.M365Claim("External B", "exchange-online"));
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/claims/{b.Id}") { Content = JsonContent.Create(new { externalId = "CRM-A" }) };
        request.Headers.IfMatch.ParseAdd("\"1\"");

        var response = await partner.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.ExternalIdTaken, "externalId");
    }

    [Theory]
    [InlineData("fr", "Domaine et locataire ne correspondent pas")]
    [InlineData("it", "Dominio e tenant non corrispondono")]
    public async Task Problems_AreInTheCallersLanguage(string language, string title)
    {
        var partner = await app.PartnerAsync(language);
        var body = World.M365Claim();
        body["customerDomain"] = World.OtherDomain;

        var response = await partner.PostAsJsonAsync("/api/v1/claims", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.DomainTenantMismatch);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(World.OtherDomain, problem.GetProperty("detail").GetString());
    }

    private static object[] Products(params (string ProductId, string? SubscriptionId)[] products) =>
        [.. products.Select(p => new Dictionary<string, object?> { ["productId"] = p.ProductId, ["subscriptionId"] = p.SubscriptionId })];

    private static void Sales(Dictionary<string, object?> claim, (string, string?) product)
    {
        claim["solutionArea"] = "BusinessApplications";
        claim["products"] = Products(product);
        claim["technicalContact"] = new { name = "Tom Tech", title = "Architect", email = "tom@customer.test" };
    }

    private Task<(int Claims, int Events)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.Claims.CountAsync(), await db.ClaimEvents.CountAsync()));
}
