namespace Cpor.Web.Data;

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
