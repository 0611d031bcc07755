namespace Cpor.Web.Data;

/// <summary>A partner company. Its users and MPN IDs belong to it.</summary>
public sealed class PartnerOrg
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
