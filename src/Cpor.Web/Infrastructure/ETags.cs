using Cpor.Domain;

namespace Cpor.Web.Infrastructure;

/// <summary>Strong ETags from a record's version, and the If-Match check of API.md.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// Null when <paramref name="ifMatch"/> names the current version (or is <c>*</c>);
    /// <c>version_mismatch</c> otherwise; <c>if_match_required</c> when required and absent.
    /// </summary>
    public static DomainError? Check(string? ifMatch, int currentVersion, bool required)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return required ? CommonErrors.IfMatchRequired : null;
        }

        var current = For(currentVersion);
        var matches = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current || tag == "W/" + current);
        return matches ? null : CommonErrors.VersionMismatch;
    }
}
