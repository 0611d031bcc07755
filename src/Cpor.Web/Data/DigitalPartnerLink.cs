namespace Cpor.Web.Data;

/// <summary>A digital partner of record link of a subscription (imported).</summary>
public sealed class DigitalPartnerLink
{
    public Guid SubscriptionId { get; set; }

    public string PartnerOrgId { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
