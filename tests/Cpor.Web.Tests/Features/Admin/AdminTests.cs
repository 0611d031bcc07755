using System.Net;
using System.Net.Http.Json;
using Cpor.Web.Features.Admin;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Admin;

public class AdminTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CreatePartner_TwiceWithTheSameName_IsPartnerNameTaken()
    {
        var admin = await app.AdminAsync();
        await ApiFixture.PostOkAsync<PartnerResponse>(admin, "/api/v1/admin/partners", new { name = "Northwind" });

        var again = await admin.PostAsJsonAsync("/api/v1/admin/partners", new { name = "Northwind" });

        await Problem.AssertAsync(again, HttpStatusCode.Conflict, "partner_name_taken", "name");
    }

    [Fact]
    public async Task AddMpn_ChecksTheIdTheProgramsAndDuplicates()
    {
        var admin = await app.AdminAsync();
        var path = $"/api/v1/admin/partners/{app.ContosoId}/mpns";

        await Problem.AssertAsync(await admin.PostAsJsonAsync(path, new { mpnId = "12-34", programs = Array.Empty<string>() }), HttpStatusCode.UnprocessableEntity, "mpn_id_invalid", "mpnId");
        await Problem.AssertAsync(await admin.PostAsJsonAsync(path, new { mpnId = "3000001", programs = new[] { "osu-azure" } }), HttpStatusCode.UnprocessableEntity, "program_invalid", "programs");
        await Problem.AssertAsync(await admin.PostAsJsonAsync(path, new { mpnId = World.FabrikamMpn, programs = Array.Empty<string>() }), HttpStatusCode.Conflict, "mpn_id_taken", "mpnId");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/partners/org_missing/mpns", new { mpnId = "3000002" }), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GlobalAdmin_ManagesItsOwnOrganisationOnly()
    {
        var global = await app.ClientAsync(World.ContosoGlobal);

        var own = await global.PostAsJsonAsync($"/api/v1/admin/partners/{app.ContosoId}/mpns", new { mpnId = "1000009", programs = new[] { "osu-m365" } });
        var other = await global.PostAsJsonAsync($"/api/v1/admin/partners/{app.FabrikamId}/mpns", new { mpnId = "2000009", programs = new[] { "osu-m365" } });
        var user = await global.PostAsJsonAsync("/api/v1/admin/users", new { email = "new@contoso.test", roles = new[] { "IncentivesUser" }, partnerOrgId = app.ContosoId });
        var reviewer = await global.PostAsJsonAsync("/api/v1/admin/users", new { email = "rev@contoso.test", roles = new[] { "Reviewer" } });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await Problem.AssertAsync(other, HttpStatusCode.NotFound, "not_found");
        var created = await ApiFixture.OkAsync<UserResponse>(user);
        Assert.False(string.IsNullOrEmpty(created.TemporaryPassword)); // shown once, to hand over
        await Problem.AssertAsync(reviewer, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("Reviewer", true, false)]
    [InlineData("IncentivesAdmin", false, false)]
    [InlineData("CustomerAdmin", false, false)]
    [InlineData("ProgramAdmin", false, true)]
    public async Task CreateUser_WithRolesThatDoNotFitTheScope_IsRoleScopeInvalid(string role, bool withOrg, bool withTenant)
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            email = $"{role.ToLowerInvariant()}-{withOrg}-{withTenant}@scope.test",
            roles = new[] { role },
            partnerOrgId = withOrg ? app.ContosoId : null,
            tenantId = withTenant ? World.Tenant.ToString() : null,
        });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "role_scope_invalid", "roles");
    }

    [Fact]
    public async Task CreateUser_WeakPasswordAndTakenEmail_AreRefused()
    {
        var admin = await app.AdminAsync();

        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "weak@contoso.test", password = "short", roles = new[] { "IncentivesUser" }, partnerOrgId = app.ContosoId }), HttpStatusCode.UnprocessableEntity, "password_too_weak", "password");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = World.ContosoViewer, password = World.Password, roles = new[] { "IncentivesUser" }, partnerOrgId = app.ContosoId }), HttpStatusCode.Conflict, "email_taken", "email");
    }

    [Fact]
    public async Task Holidays_AreReplacedWhole_AndShiftNewDeadlines()
    {
        var admin = await app.AdminAsync();
        var put = await admin.PutAsJsonAsync("/api/v1/admin/calendar/holidays", new { holidays = new[] { new { date = "2026-11-17", name = "Test holiday" } } });
        var holidays = await ApiFixture.OkAsync<HolidayDto[]>(put);
        Assert.Equal("2026-11-17", Assert.Single(holidays).Date);

        var partner = await app.PartnerAsync();
        var submitted = await app.CreateSubmittedClaimAsync(partner, World.M365Claim("Holiday", "teams"));

        Assert.Equal(app.Clock.Now.AddDays(8), submitted.DueAt); // Monday + 5 business days, Tuesday off
        await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/v1/admin/calendar/holidays", new { holidays = new[] { new { date = "17/11/2026", name = "x" } } }), HttpStatusCode.UnprocessableEntity, "date_invalid", "holidays[0].date");
        await admin.PutAsJsonAsync("/api/v1/admin/calendar/holidays", new { holidays = Array.Empty<object>() });
        await partner.PostAsync($"/api/v1/claims/{submitted.Id}/withdraw", null);
    }

    [Fact]
    public async Task Catalog_ListsTheActivityTableAndProducts_AndProgramAdminsEditProducts()
    {
        var partner = await app.PartnerAsync();
        var catalog = await ApiFixture.OkAsync<CatalogResponse>(await partner.GetAsync("/api/v1/catalog"));
        Assert.Equal(4, catalog.Activities.Count);
        Assert.Contains(catalog.Activities, a => a.Id == Cpor.Domain.Activity.RevenueAssociation && a.ProgramId is null && !a.Pays);
        Assert.Equal(27, catalog.Products.Count);

        var admin = await app.AdminAsync();
        var added = await admin.PutAsJsonAsync("/api/v1/admin/catalog/products/copilot-studio", new { solutionArea = "BusinessApplications", name = "Copilot Studio", requiresTechnicalContact = false });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await Problem.AssertAsync(await partner.PutAsJsonAsync("/api/v1/admin/catalog/products/x", new { name = "x" }), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/v1/admin/catalog/products/Bad_Id", new { solutionArea = "Microsoft365", name = "x" }), HttpStatusCode.UnprocessableEntity, "product_id_invalid");
    }

    [Fact]
    public async Task Login_WithAWrongPassword_IsInvalidCredentials()
    {
        var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = World.ContosoViewer, password = "nope" });

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Me_DescribesTheSignedInUser()
    {
        var viewer = await app.ClientAsync(World.ContosoViewer);

        var me = await ApiFixture.OkAsync<Cpor.Web.Features.Auth.MeResponse>(await viewer.GetAsync("/api/v1/me"));

        Assert.Equal(["IncentivesUser"], me.Roles);
        Assert.Equal(app.ContosoId, me.PartnerOrgId);
    }
}
