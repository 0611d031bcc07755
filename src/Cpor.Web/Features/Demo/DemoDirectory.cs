using System.Text.Json;
using Cpor.Domain;

namespace Cpor.Web.Features.Demo;

public sealed record DemoSubscription(Guid Id, string ProductId, SubscriptionChannel Channel, SubscriptionState State, bool Provisioned, int SeatsPurchased, int SeatsAssigned, DateTimeOffset? EndsAt);

/// <summary>
/// A unit whose adoption a partner drove: flat before the partner's association became official,
/// growing after, so the demo's usage charts tell that story.
/// </summary>
public sealed record DemoCampaign(int TenantIndex, string ProductId, DateTimeOffset From);

public sealed record DemoTenant(Guid Id, string Name, string Country, IReadOnlyList<string> Domains, IReadOnlyList<string> Workloads, IReadOnlyList<DemoSubscription> Subscriptions)
{
    public string Domain => Domains[0];
}

/// <summary>
/// A realistic customer directory, the same for the same seed: tenants with verified domains,
/// enabled Microsoft 365 workloads, Business Applications subscriptions through every channel and
/// state, and months of usage and seat facts that grow like real adoption does. The first five
/// tenants are fixed and cover every validation case of CPOR.md §7 (see docs/demo.md).
/// </summary>
public sealed class DemoDirectory
{
    public const int DefaultSeed = 2026;

    public static readonly IReadOnlyList<string> Microsoft365 =
    [
        "exchange-online", "sharepoint-online", "onedrive", "teams", "m365-apps", "viva-engage", "intune", "entra-id-p1",
        "entra-id-p2", "defender-office-365", "defender-endpoint", "windows-enterprise", "teams-phone",
    ];

    public static readonly IReadOnlyList<string> BusinessApplications =
    [
        "dynamics-365-sales", "dynamics-365-customer-service", "dynamics-365-field-service", "dynamics-365-project-operations",
        "dynamics-365-customer-insights", "dynamics-365-finance", "dynamics-365-supply-chain", "dynamics-365-commerce",
        "dynamics-365-human-resources", "dynamics-365-business-central", "power-apps", "power-automate", "power-bi-pro", "power-pages",
    ];

    private static readonly string[] Names =
    [
        "Adatum Corporation", "Alpine Ski House", "Coho Winery", "Fourth Coffee", "Trey Research", "Bellows College", "Best For You Organics",
        "Blue Yonder Airlines", "City Power & Light", "Consolidated Messenger", "Contoso Pharmaceuticals", "First Up Consultants",
        "Graphic Design Institute", "Humongous Insurance", "Litware Inc.", "Lucerne Publishing", "Margie's Travel", "Northwind Traders",
        "Proseware", "Relecloud", "School of Fine Art", "Southridge Video", "Tailspin Toys", "VanArsdel", "Wide World Importers",
        "Wingtip Toys", "Woodgrove Bank", "Boulder Innovations", "Datum Freight", "Fabrikam Residences", "Lamna Healthcare",
        "Nod Publishers", "Olympia Foods", "Parnell Aerospace", "Quadrant Energy", "Rainbow Textiles", "Sagebrush Logistics",
        "Tiber Ferrovie", "Umbria Alimentari", "Vega Mobilier", "Bordeaux Négoce", "Lyon Ingénierie", "Milano Moda", "Torino Motori",
        "Napoli Porti", "Marseille Marine", "Lille Textile", "Genova Cantieri", "Bologna Ricerca", "Nantes Agro",
    ];

    private static readonly string[] Countries = ["FR", "IT", "FR", "IT", "US", "DE", "ES", "GB", "BE", "CH"];

    private readonly int _months;
    private readonly DateTimeOffset _now;
    private readonly int _usageSeed;
    private readonly IReadOnlyList<DemoCampaign> _campaigns;

    public DemoDirectory(int seed, int tenantCount, int months, DateTimeOffset now, IReadOnlyList<DemoCampaign>? campaigns = null)
    {
        _months = months;
        _now = now;
        _campaigns = campaigns ?? [];
        var random = new Random(seed);
        // Another seed makes other tenants: their domains carry the seed, so that its directory
        // imports beside the demo world's (a domain belongs to one tenant) instead of colliding.
        var suffix = seed == DefaultSeed ? "" : "-s" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace("-", "m", StringComparison.Ordinal);
        DemoTenant Tenant(Random random, int index, IReadOnlyList<string> workloads, List<DemoSubscription> subscriptions) =>
            NewTenant(random, index, suffix, workloads, subscriptions);
        var tenants = new List<DemoTenant>
        {
            // 0: everything claimable.
            Tenant(random, 0, Microsoft365, [
                Sub(random, "dynamics-365-sales", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true, 120),
                Sub(random, "dynamics-365-customer-service", SubscriptionChannel.WebDirect, SubscriptionState.Active, true, 45),
                Sub(random, "power-bi-pro", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true, 300)]),
            // 1: two Dynamics 365 Sales subscriptions (subscription_required) and a CSP one.
            Tenant(random, 1, ["exchange-online", "sharepoint-online", "onedrive", "teams"], [
                Sub(random, "dynamics-365-sales", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true, 80),
                Sub(random, "dynamics-365-sales", SubscriptionChannel.WebDirect, SubscriptionState.Active, true, 25),
                Sub(random, "dynamics-365-field-service", SubscriptionChannel.CSP, SubscriptionState.Active, true, 40)]),
            // 2: grace (claimable), disabled, not provisioned, deleted.
            Tenant(random, 2, ["exchange-online", "teams", "m365-apps"], [
                Sub(random, "dynamics-365-finance", SubscriptionChannel.VolumeLicensing, SubscriptionState.Grace, true, 60),
                Sub(random, "dynamics-365-supply-chain", SubscriptionChannel.VolumeLicensing, SubscriptionState.Disabled, true, 30),
                Sub(random, "dynamics-365-commerce", SubscriptionChannel.WebDirect, SubscriptionState.Active, false, 20),
                Sub(random, "dynamics-365-human-resources", SubscriptionChannel.VolumeLicensing, SubscriptionState.Deleted, true, 15)]),
            // 3: a single workload and no subscription (workload_not_on_tenant, product_not_on_tenant).
            Tenant(random, 3, ["exchange-online"], []),
            // 4: contested by two partners (competing claims); a Power BI subscription ending in five
            // months, held through an association made before CPOR (CPOR.md §12).
            Tenant(random, 4, ["exchange-online", "sharepoint-online", "teams", "intune", "defender-endpoint"], [
                Sub(random, "dynamics-365-sales", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true, 200),
                Sub(random, "power-bi-pro", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true, 150) with
                {
                    EndsAt = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(5),
                }]),
        };
        for (var i = tenants.Count; i < tenantCount; i++)
        {
            var workloads = Microsoft365.Where(_ => random.NextDouble() < 0.55).ToList();
            if (workloads.Count == 0)
            {
                workloads.Add("exchange-online");
            }

            var subscriptions = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => Sub(
                    random,
                    BusinessApplications[random.Next(BusinessApplications.Count)],
                    random.NextDouble() switch { < 0.55 => SubscriptionChannel.VolumeLicensing, < 0.85 => SubscriptionChannel.WebDirect, _ => SubscriptionChannel.CSP },
                    random.NextDouble() switch { < 0.85 => SubscriptionState.Active, < 0.93 => SubscriptionState.Grace, _ => SubscriptionState.Disabled },
                    random.NextDouble() > 0.05,
                    random.Next(5, 400)))
                .ToList();
            tenants.Add(Tenant(random, i, workloads, subscriptions));
        }

        Tenants = tenants;
        _usageSeed = random.Next();
    }

    public IReadOnlyList<DemoTenant> Tenants { get; }

    /// <summary>The directory as import records: tenants, then subscriptions, then usage.</summary>
    public IEnumerable<string> JsonLines()
    {
        foreach (var t in Tenants)
        {
            yield return JsonSerializer.Serialize(new { type = "tenant", tenantId = t.Id, name = t.Name, country = t.Country, domains = t.Domains, workloads = t.Workloads });
        }

        foreach (var t in Tenants)
        {
            foreach (var s in t.Subscriptions)
            {
                yield return JsonSerializer.Serialize(new
                {
                    type = "subscription",
                    subscriptionId = s.Id,
                    tenantId = t.Id,
                    productId = s.ProductId,
                    channel = s.Channel.ToString(),
                    state = s.State.ToString(),
                    provisioned = s.Provisioned,
                    seatsPurchased = s.SeatsPurchased,
                    seatsAssigned = s.SeatsAssigned,
                    endsAt = s.EndsAt?.ToString("O"),
                });
            }
        }

        var random = new Random(_usageSeed);
        var firstMonth = new DateOnly(_now.Year, _now.Month, 1).AddMonths(-_months);
        for (var index = 0; index < Tenants.Count; index++)
        {
            var t = Tenants[index];
            var staff = 50 + (Math.Abs(t.Id.GetHashCode()) % 2000);
            foreach (var workload in t.Workloads)
            {
                var enabled = (int)(staff * (0.6 + (random.NextDouble() * 0.4)));
                var campaign = CampaignStart(index, workload, firstMonth);
                var adoption = campaign is null ? 0.15 + (random.NextDouble() * 0.3) : 0.08;
                for (var m = 0; m < _months; m++)
                {
                    // Adoption grows towards a ceiling, with month-to-month noise; a partner-driven
                    // workload idles until the partner's association, then takes off.
                    adoption = campaign is { } start
                        ? (m < start ? Math.Max(0.05, adoption + ((random.NextDouble() - 0.5) * 0.02)) : Math.Min(0.92, adoption + 0.05 + (random.NextDouble() * 0.04)))
                        : Math.Min(0.95, adoption + (random.NextDouble() * 0.05));
                    enabled = Math.Max(1, enabled + random.Next(-3, 12));
                    var active = (int)(enabled * adoption * (0.92 + (random.NextDouble() * 0.08)));
                    yield return JsonSerializer.Serialize(new
                    {
                        type = "usage",
                        tenantId = t.Id,
                        productId = workload,
                        month = firstMonth.AddMonths(m).ToString("yyyy-MM"),
                        activeUsers = active,
                        enabledUsers = enabled,
                    });
                }
            }

            foreach (var s in t.Subscriptions)
            {
                var campaign = CampaignStart(index, s.ProductId, firstMonth);
                var purchased = Math.Max(1, campaign is null ? s.SeatsPurchased / 2 : s.SeatsPurchased / 5);
                for (var m = 0; m < _months; m++)
                {
                    var growth = campaign is { } start && m < start ? random.Next(0, 2) : random.Next(0, Math.Max(2, s.SeatsPurchased / 10));
                    purchased = Math.Min(s.SeatsPurchased, purchased + growth);
                    var assigned = (int)(purchased * (campaign is { } since && m < since ? 0.55 : 0.7 + (random.NextDouble() * 0.3)));
                    yield return JsonSerializer.Serialize(new
                    {
                        type = "usage",
                        tenantId = t.Id,
                        productId = s.ProductId,
                        subscriptionId = s.Id,
                        month = firstMonth.AddMonths(m).ToString("yyyy-MM"),
                        activeUsers = (int)(assigned * 0.8),
                        enabledUsers = assigned,
                        seatsPurchased = purchased,
                        seatsAssigned = assigned,
                    });
                }
            }
        }
    }

    /// <summary>The index of the month a partner-driven unit takes off in, or null for a unit nobody drives.</summary>
    private int? CampaignStart(int tenantIndex, string productId, DateOnly firstMonth)
    {
        var campaign = _campaigns.FirstOrDefault(c => c.TenantIndex == tenantIndex && c.ProductId == productId);
        return campaign is null
            ? null
            : ((campaign.From.Year - firstMonth.Year) * 12) + campaign.From.Month - firstMonth.Month;
    }

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private static DemoTenant NewTenant(Random random, int index, string domainSuffix, IReadOnlyList<string> workloads, List<DemoSubscription> subscriptions)
    {
        var baseName = Names[index % Names.Length];
        var name = index < Names.Length ? baseName : $"{baseName} {index / Names.Length + 1}";
        var letters = new string(name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray());
        var slug = string.Join('-', letters.Split(' ', StringSplitOptions.RemoveEmptyEntries)) + domainSuffix;
        return new DemoTenant(NewGuid(random), name, Countries[index % Countries.Length], [$"{slug}.example", $"{slug.Replace("-", "", StringComparison.Ordinal)}.onmicrosoft.com"], workloads, subscriptions);
    }

    private static DemoSubscription Sub(Random random, string product, SubscriptionChannel channel, SubscriptionState state, bool provisioned, int seats) =>
        new(NewGuid(random), product, channel, state, provisioned, seats, (int)(seats * (0.6 + (random.NextDouble() * 0.4))), null);
}
