namespace Cpor.Web.Tests.Infrastructure;

/// <summary>The well-known identities and directory of the standard test world.</summary>
public static class World
{
    public const string Password = "Test-pass-2026!";

    public const string ContosoMpn = "1000001";
    public const string ContosoUnenrolledMpn = "1000002";
    public const string FabrikamMpn = "2000001";

    public const string Reviewer = "reviewer@cpor.test";
    public const string ContosoGlobal = "global@contoso.test";
    public const string ContosoIncentives = "incentives@contoso.test";
    public const string ContosoBilling = "billing@contoso.test";
    public const string ContosoViewer = "viewer@contoso.test";
    public const string FabrikamIncentives = "incentives@fabrikam.test";
    public const string CustomerAdmin = "it@customer.test";
    public const string OtherCustomerAdmin = "it@other.test";

    public static readonly Guid Tenant = Guid.Parse("10000000-0000-4000-8000-000000000001");
    public static readonly Guid OtherTenant = Guid.Parse("20000000-0000-4000-8000-000000000002");
    public const string Domain = "customer.test";
    public const string OtherDomain = "other.test";

    public static readonly Guid SalesSubscription = Guid.Parse("a0000000-0000-4000-8000-000000000001");
    public static readonly Guid FinanceSubscription1 = Guid.Parse("a0000000-0000-4000-8000-000000000002");
    public static readonly Guid FinanceSubscription2 = Guid.Parse("a0000000-0000-4000-8000-000000000003");
    public static readonly Guid CspSubscription = Guid.Parse("a0000000-0000-4000-8000-000000000004");
    public static readonly Guid DisabledSubscription = Guid.Parse("a0000000-0000-4000-8000-000000000005");
    public static readonly Guid UnprovisionedSubscription = Guid.Parse("a0000000-0000-4000-8000-000000000006");
    public static readonly Guid GraceSubscription = Guid.Parse("a0000000-0000-4000-8000-000000000007");
    public static readonly Guid ExchangeSubscription = Guid.Parse("a0000000-0000-4000-8000-000000000008");
    public static readonly Guid OtherTenantSubscription = Guid.Parse("a0000000-0000-4000-8000-000000000009");

    /// <summary>The directory as import records: every validation case of CPOR.md §7 has a tenant or subscription.</summary>
    public static string DirectoryNdjson() => string.Join('\n',
    [
        Tenant_(Tenant, "Customer Ltd", "FR", [Domain, "customer.onmicrosoft.com"], ["exchange-online", "teams", "sharepoint-online", "onedrive"]),
        Tenant_(OtherTenant, "Other Corp", "IT", [OtherDomain], ["exchange-online", "teams"]),
        Sub(SalesSubscription, Tenant, "dynamics-365-sales", "VolumeLicensing", "Active", true),
        Sub(FinanceSubscription1, Tenant, "dynamics-365-finance", "VolumeLicensing", "Active", true),
        Sub(FinanceSubscription2, Tenant, "dynamics-365-finance", "WebDirect", "Active", true),
        Sub(CspSubscription, Tenant, "dynamics-365-field-service", "CSP", "Active", true),
        Sub(DisabledSubscription, Tenant, "dynamics-365-customer-service", "VolumeLicensing", "Disabled", true),
        Sub(UnprovisionedSubscription, Tenant, "dynamics-365-commerce", "WebDirect", "Active", false),
        Sub(GraceSubscription, Tenant, "power-bi-pro", "VolumeLicensing", "Grace", true),
        Sub(ExchangeSubscription, Tenant, "exchange-online", "VolumeLicensing", "Active", true),
        Sub(OtherTenantSubscription, OtherTenant, "dynamics-365-sales", "VolumeLicensing", "Active", true),
    ]);

    /// <summary>A Microsoft 365 usage claim that passes every check, as the partner would send it.</summary>
    public static Dictionary<string, object?> M365Claim(string name = "Customer Teams adoption", params string[] workloads) => new()
    {
        ["name"] = name,
        ["mpnId"] = ContosoMpn,
        ["tenantId"] = Tenant.ToString(),
        ["customerDomain"] = Domain,
        ["solutionArea"] = "Microsoft365",
        ["activity"] = "Usage",
        ["products"] = (workloads.Length == 0 ? ["teams"] : workloads).Select(w => new Dictionary<string, object?> { ["productId"] = w }).ToArray(),
        ["customerContact"] = new { name = "Ann Lee", title = "CIO", email = "ann.lee@customer.test" },
        ["partnerContact"] = new { name = "Pat Partner", email = "pat@contoso.test" },
    };

    /// <summary>A Dynamics 365 Sales usage claim on the tenant's only Sales subscription.</summary>
    public static Dictionary<string, object?> SalesClaim(string name = "Customer Sales usage")
    {
        var claim = M365Claim(name);
        claim["solutionArea"] = "BusinessApplications";
        claim["products"] = new[] { new Dictionary<string, object?> { ["productId"] = "dynamics-365-sales" } };
        claim["technicalContact"] = new { name = "Tom Tech", title = "Architect", email = "tom@customer.test" };
        return claim;
    }

    private static string Tenant_(Guid id, string name, string country, string[] domains, string[] workloads) =>
        System.Text.Json.JsonSerializer.Serialize(new { type = "tenant", tenantId = id, name, country, domains, workloads });

    private static string Sub(Guid id, Guid tenant, string product, string channel, string state, bool provisioned) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "subscription", subscriptionId = id, tenantId = tenant, productId = product, channel, state, provisioned,
            seatsPurchased = 100, seatsAssigned = 80,
        });
}
