namespace Cpor.Web.Data;

/// <summary>One location of a partner org (MPN ID) and the incentive programs it is enrolled in.</summary>
public sealed class PartnerLocation
{
    public string MpnId { get; set; } = "";

    public string PartnerOrgId { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Programs { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
