using Cpor.Domain;

namespace Cpor.Web.Infrastructure;

/// <summary>Failures every feature shares.</summary>
public static class CommonErrors
{
    public static readonly DomainError NotFound = new(ErrorCodes.NotFound);
    public static readonly DomainError Forbidden = new(ErrorCodes.Forbidden);
    public static readonly DomainError VersionMismatch = new(ErrorCodes.VersionMismatch, "If-Match");
    public static readonly DomainError IfMatchRequired = new(ErrorCodes.IfMatchRequired, "If-Match");
}
