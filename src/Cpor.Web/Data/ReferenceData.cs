using Cpor.Domain;

namespace Cpor.Web.Data;

/// <summary>A partner company. Its users and MPN IDs belong to it.</summary>
public sealed class PartnerOrg
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One location of a partner org (MPN ID) and the incentive programs it is enrolled in.</summary>
public sealed class PartnerLocation
{
    public string MpnId { get; set; } = "";

    public string PartnerOrgId { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Programs { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An incentive program; its consent window is configurable.</summary>
public sealed class IncentiveProgram
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public int ConsentWindowDays { get; set; }
}

/// <summary>A product or workload of the catalog.</summary>
public sealed class Product
{
    public string Id { get; set; } = "";

    public SolutionArea SolutionArea { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Dynamics 365 products need the customer's technical contact.</summary>
    public bool RequiresTechnicalContact { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }

    public ProductInfo ToInfo() => new(Id, SolutionArea, Name, RequiresTechnicalContact, Active);
}

/// <summary>A customer tenant, imported from the directory.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Country { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public List<TenantDomain> Domains { get; set; } = [];

    public List<TenantWorkload> Workloads { get; set; } = [];
}

/// <summary>A verified domain; a domain belongs to one tenant.</summary>
public sealed class TenantDomain
{
    public string Domain { get; set; } = "";

    public Guid TenantId { get; set; }
}

/// <summary>A Microsoft 365 workload enabled on a tenant.</summary>
public sealed class TenantWorkload
{
    public Guid TenantId { get; set; }

    public string ProductId { get; set; } = "";
}

/// <summary>A subscription of a tenant, as the commerce system reports it.</summary>
public sealed class Subscription
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string ProductId { get; set; } = "";

    public SubscriptionChannel Channel { get; set; }

    public SubscriptionState State { get; set; }

    public bool Provisioned { get; set; }

    public int SeatsPurchased { get; set; }

    public int SeatsAssigned { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public SubscriptionInfo ToInfo() => new(Id, TenantId, ProductId, Channel, State, Provisioned);
}

/// <summary>
/// One month of usage or seat facts of one data unit: a workload of a tenant, or a subscription.
/// </summary>
public sealed class UsageFact
{
    /// <summary><c>s:{subscriptionId}</c> or <c>w:{tenantId}:{productId}</c>.</summary>
    public string DataUnit { get; set; } = "";

    public DateOnly Month { get; set; }

    public Guid TenantId { get; set; }

    public string ProductId { get; set; } = "";

    public Guid? SubscriptionId { get; set; }

    public int ActiveUsers { get; set; }

    public int EnabledUsers { get; set; }

    public int? SeatsPurchased { get; set; }

    public int? SeatsAssigned { get; set; }

    public static string DataUnitOf(Guid tenantId, string productId, Guid? subscriptionId) =>
        subscriptionId is { } s ? $"s:{s:D}" : $"w:{tenantId:D}:{productId}";
}

/// <summary>A digital partner of record link of a subscription (imported).</summary>
public sealed class DigitalPartnerLink
{
    public Guid SubscriptionId { get; set; }

    public string PartnerOrgId { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A holiday of the business calendar.</summary>
public sealed class Holiday
{
    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
}
