namespace Cpor.Web.Infrastructure;

/// <summary>Claim types this product adds to a signed-in principal.</summary>
public static class CporClaimTypes
{
    public const string PartnerOrg = "cpor:org";
    public const string Tenant = "cpor:tenant";
    public const string DisplayName = "cpor:name";
    public const string Language = "cpor:lang";
    public const string TimeZone = "cpor:tz";
}
