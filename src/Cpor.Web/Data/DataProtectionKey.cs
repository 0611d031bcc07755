namespace Cpor.Web.Data;

/// <summary>An ASP.NET Core Data Protection key, shared by every server instance through the database.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
