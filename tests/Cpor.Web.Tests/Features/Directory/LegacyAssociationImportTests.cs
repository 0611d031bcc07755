using System.Net;
using System.Text;
using System.Text.Json;
using Cpor.Domain;
using Cpor.Web.Features.Associations;
using Cpor.Web.Features.Directory;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Features.Associations;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Directory;

/// <summary>
/// CPOR.md §12: legacy Dynamics 365 / Power Platform associations come in through the directory
/// import as Active associations that end by themselves with their subscription.
/// </summary>
public class LegacyAssociationImportTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly Guid PowerBi = Guid.Parse("b0000000-0000-4000-8000-000000000001");
    private static readonly Guid CustomerService = Guid.Parse("b0000000-0000-4000-8000-000000000002");
    private static readonly Guid Expired = Guid.Parse("b0000000-0000-4000-8000-000000000003");
    private static readonly Guid ProjectOperations = Guid.Parse("b0000000-0000-4000-8000-000000000004");
    private static readonly DateTimeOffset PowerBiEnds = new(2027, 6, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ActiveFrom = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Import_LegacyAssociation_CreatesAnActiveClaimThatExpiresWithItsSubscription()
    {
        await SubscriptionsAsync();

        var report = await ImportAsync(Legacy(PowerBi, "power-bi-pro"));

        Assert.Equal((1, 0), (report.GetProperty("accepted").GetInt32(), report.GetProperty("rejectedCount").GetInt32()));
        var claim = await app.WithDbAsync(db => db.Claims.Include(c => c.Associations).SingleAsync(c => c.Products.Any(p => p.SubscriptionId == PowerBi)));
        var association = Assert.Single(claim.Associations);
        Assert.Equal((ClaimStatus.Active, app.ContosoId, Activity.Usage), (claim.Status, claim.PartnerOrgId, claim.Activity));
        Assert.Equal((AssociationState.Active, true, ActiveFrom, PowerBiEnds), (association.State, association.Legacy, association.ActiveFrom!.Value, association.ExpiresAt!.Value));
        Assert.Equal(World.Domain, claim.CustomerDomain);
        Assert.Equal("Customer Ltd — Power BI Pro", claim.Name);
        var history = await app.WithDbAsync(db => db.ClaimEvents.Where(e => e.ClaimId == claim.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([ClaimEventKind.Created, ClaimEventKind.StatusChanged], history.Select(e => e.Kind));
        Assert.Equal((ClaimStatus.Active, ActorKind.Admin), (history[1].ToStatus!.Value, history[1].ActorKind));
        // Evaluated in the same transaction, like any association becoming Active.
        Assert.True(await app.WithDbAsync(db => db.AssociationEligibility.Where(e => e.AssociationId == association.Id).Select(e => e.Eligible).SingleAsync()));

        var listed = await ApiFixture.OkAsync<Page<AssociationResponse>>(await (await app.PartnerAsync()).GetAsync("/api/v1/associations?productId=power-bi-pro"));
        Assert.Contains(listed.Items, a => a.Id == association.Id && a.Legacy && a.ExpiresAt == PowerBiEnds);
    }

    [Fact]
    public async Task Import_TheSameLegacyAssociationAgain_OrTwiceInOneFile_StillMakesOneClaim()
    {
        await SubscriptionsAsync();
        var record = Legacy(ProjectOperations, "dynamics-365-project-operations", activity: "PreSales");

        var first = await ImportAsync(record, record);
        var again = await ImportAsync(record);

        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal((1, 0), (again.GetProperty("accepted").GetInt32(), again.GetProperty("rejectedCount").GetInt32()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Associations.CountAsync(a => a.SubscriptionId == ProjectOperations && a.Legacy)));
    }

    [Fact]
    public async Task Import_Multipart_LegacyCsvBeforeItsSubscriptionCsv_IsImportedParentsFirst()
    {
        var admin = await app.AdminAsync();
        using var form = new MultipartFormDataContent
        {
            {
                new StringContent($"partnerOrgId,mpnId,tenantId,productId,subscriptionId,activity,activeFrom\n{app.ContosoId},{World.ContosoMpn},{World.Tenant},dynamics-365-customer-service,{CustomerService},RevenueAssociation,2025-01-15\n"),
                "file", "legacy-associations.csv"
            },
            {
                new StringContent($"subscriptionId,tenantId,productId,channel,state,provisioned,seatsPurchased,seatsAssigned,endsAt\n{CustomerService},{World.Tenant},dynamics-365-customer-service,WebDirect,Active,true,40,30,2027-01-31\n"),
                "file", "subscriptions.csv"
            },
        };

        var report = await ApiFixture.OkAsync<JsonElement>(await admin.PostAsync("/api/v1/admin/directory/import", form));

        Assert.Equal(0, report.GetProperty("rejectedCount").GetInt32());
        var association = await app.WithDbAsync(db => db.Associations.SingleAsync(a => a.SubscriptionId == CustomerService));
        Assert.Equal((Activity.RevenueAssociation, new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero)), (association.Activity, association.ExpiresAt!.Value));
    }

    [Fact]
    public async Task Import_LegacyCsvWithoutItsActivityColumn_IsMalformed_AndWritesNothing()
    {
        var admin = await app.AdminAsync();
        var csv = $"partnerOrgId,mpnId,tenantId,productId,subscriptionId,activeFrom\n{app.ContosoId},{World.ContosoMpn},{World.Tenant},dynamics-365-sales,{World.SalesSubscription},2025-01-15\n";
        var claims = await app.WithDbAsync(db => db.Claims.CountAsync());

        var response = await admin.PostAsync("/api/v1/admin/directory/import?type=legacyAssociation", new StringContent(csv, Encoding.UTF8, "text/csv"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "import_malformed");
        Assert.Equal(claims, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    public static readonly TheoryData<string, string, string> Refused = new()
    {
        { "exchange", """{"productId":"exchange-online","subscriptionId":"a0000000-0000-4000-8000-000000000008"}""", ErrorCodes.LegacyProductNotAllowed },
        { "csp", """{"productId":"dynamics-365-field-service","subscriptionId":"a0000000-0000-4000-8000-000000000004"}""", ErrorCodes.SubscriptionIsCsp },
        { "disabled", """{"productId":"dynamics-365-customer-service","subscriptionId":"a0000000-0000-4000-8000-000000000005"}""", ErrorCodes.SubscriptionNotActive },
        { "unprovisioned", """{"productId":"dynamics-365-commerce","subscriptionId":"a0000000-0000-4000-8000-000000000006"}""", ErrorCodes.SubscriptionNotProvisioned },
        { "expired", """{"productId":"dynamics-365-human-resources","subscriptionId":"b0000000-0000-4000-8000-000000000003"}""", ErrorCodes.LegacySubscriptionExpired },
        { "future start", """{"activeFrom":"2027-01-01"}""", ErrorCodes.LegacyActiveFromInvalid },
        { "unknown partner", """{"partnerOrgId":"org_nobody"}""", ErrorCodes.PartnerNotFound },
        { "another org's MPN", """{"mpnId":"2000001"}""", ErrorCodes.MpnNotInOrg },
        { "malformed MPN", """{"mpnId":"12ab"}""", ErrorCodes.MpnIdInvalid },
        { "other tenant's subscription", """{"productId":"dynamics-365-sales","subscriptionId":"a0000000-0000-4000-8000-000000000009"}""", ErrorCodes.SubscriptionNotOnTenant },
        { "another product's subscription", """{"productId":"power-bi-pro","subscriptionId":"a0000000-0000-4000-8000-000000000001"}""", ErrorCodes.SubscriptionProductMismatch },
        { "unknown subscription", """{"subscriptionId":"b0000000-0000-4000-8000-0000000000ff"}""", ErrorCodes.SubscriptionNotFound },
        { "unknown product", """{"productId":"dynamics-366"}""", ErrorCodes.ProductNotFound },
        { "unknown activity", """{"activity":"Reselling"}""", ErrorCodes.ActivityInvalid },
        { "no start", """{"activeFrom":null}""", ErrorCodes.ValueRequired },
        { "no subscription", """{"subscriptionId":null}""", ErrorCodes.ValueRequired },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Import_RefusedLegacyAssociation_IsReportedWithItsCode_AndCreatesNothing(string why, string overrides, string code)
    {
        await SubscriptionsAsync();
        var record = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Legacy(PowerBi, "power-bi-pro")))!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(overrides)!)
        {
            record[key] = value.ValueKind == JsonValueKind.Null ? null : value.GetString();
        }

        var claims = await app.WithDbAsync(db => db.Claims.CountAsync());
        var report = await ImportAsync(record);

        var rejected = Assert.Single(report.GetProperty("rejected").EnumerateArray());
        Assert.True(code == rejected.GetProperty("code").GetString(), $"{why}: {rejected}");
        Assert.False(string.IsNullOrWhiteSpace(rejected.GetProperty("detail").GetString()));
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(claims, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Fact]
    public async Task Import_LegacyOnASubscriptionAnotherPartnerHolds_IsLegacyUnitHeld()
    {
        await Officials.ActiveAsync(app, app.FabrikamId,
            Officials.Subscription(World.FabrikamMpn, World.Tenant, World.Domain, "dynamics-365-sales", World.SalesSubscription, "Fabrikam holds Sales"), new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        var report = await ImportAsync(Legacy(World.SalesSubscription, "dynamics-365-sales"));

        Assert.Equal(ErrorCodes.LegacyUnitHeld, report.GetProperty("rejected")[0].GetProperty("code").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Associations.CountAsync(a => a.SubscriptionId == World.SalesSubscription && a.PartnerOrgId == app.ContosoId)));
    }

    [Fact]
    public async Task Import_LegacyOnASubscriptionAnotherPartnerClaims_PutsThatClaimInArbitration()
    {
        var fabrikam = await app.ClientAsync(World.FabrikamIncentives);
        var body = World.SalesClaim("Fabrikam Power BI");
        body["mpnId"] = World.FabrikamMpn;
        body["products"] = new[] { new Dictionary<string, object?> { ["productId"] = "power-bi-pro", ["subscriptionId"] = World.GraceSubscription.ToString() } };
        var submitted = await app.CreateSubmittedClaimAsync(fabrikam, body);
        Assert.False(submitted.Competing);

        var report = await ImportAsync(Legacy(World.GraceSubscription, "power-bi-pro"));

        Assert.Equal(0, report.GetProperty("rejectedCount").GetInt32());
        var after = await app.GetClaimAsync(fabrikam, submitted.Id);
        Assert.True(after.Competing);
        Assert.Equal(submitted.Version + 1, after.Version);
    }

    [Fact]
    public async Task Import_DryRun_ChecksTheLegacyAssociation_AndWritesNothing()
    {
        await SubscriptionsAsync();
        var admin = await app.AdminAsync();
        var record = Legacy(CustomerService, "dynamics-365-customer-service", activity: "Usage", mpnId: World.ContosoMpn);
        var claims = await app.WithDbAsync(db => db.Claims.CountAsync());

        var response = await admin.PostAsync("/api/v1/admin/directory/import?dryRun=true", new StringContent(JsonSerializer.Serialize(record), Encoding.UTF8, "application/x-ndjson"));

        var report = await ApiFixture.OkAsync<JsonElement>(response);
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(claims, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Theory]
    [InlineData("legacyAssociation", "legacyAssociation")]
    [InlineData("legacy-associations.csv", "legacyAssociation")]
    [InlineData("2026-11_legacy_associations.csv", "legacyAssociation")]
    [InlineData("LegacyAssociations.CSV", "legacyAssociation")]
    [InlineData("subscriptions.csv", "subscription")]
    [InlineData("2026-10-usage.csv", "usage")]
    [InlineData("associations.csv", null)]
    public void CsvTypeOf_RecognisesLegacyAssociationFiles(string name, string? type) =>
        Assert.Equal(type, ImportReaders.CsvTypeOf(name));

    private async Task SubscriptionsAsync() => await Officials.ImportAsync(app,
        Subscription(PowerBi, "power-bi-pro", PowerBiEnds),
        Subscription(CustomerService, "dynamics-365-customer-service", new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero)),
        Subscription(Expired, "dynamics-365-human-resources", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)),
        Subscription(ProjectOperations, "dynamics-365-project-operations", null));

    private Dictionary<string, object?> Legacy(Guid subscriptionId, string productId, string activity = "Usage", string mpnId = World.ContosoMpn) => new()
    {
        ["type"] = "legacyAssociation",
        ["partnerOrgId"] = app.ContosoId,
        ["mpnId"] = mpnId,
        ["tenantId"] = World.Tenant.ToString(),
        ["productId"] = productId,
        ["subscriptionId"] = subscriptionId.ToString(),
        ["activity"] = activity,
        ["activeFrom"] = ActiveFrom.ToString("O"),
    };

    private async Task<JsonElement> ImportAsync(params object[] records)
    {
        var admin = await app.AdminAsync();
        var body = string.Join('\n', records.Select(r => JsonSerializer.Serialize(r)));
        return await ApiFixture.OkAsync<JsonElement>(await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson")));
    }

    private static object Subscription(Guid id, string productId, DateTimeOffset? endsAt) => new
    {
        type = "subscription", subscriptionId = id, tenantId = World.Tenant, productId, channel = "VolumeLicensing", state = "Active",
        provisioned = true, seatsPurchased = 50, seatsAssigned = 40, endsAt,
    };
}
