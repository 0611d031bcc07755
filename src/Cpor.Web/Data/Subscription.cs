using Cpor.Domain;

namespace Cpor.Web.Data;

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
