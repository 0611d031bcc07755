using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Authorization policies. The JSON API accepts bearer tokens only — never the browser's cookie —
/// so no page can make a signed-in browser call it on another site's behalf.
/// </summary>
public static class Policies
{
    public const string Api = "api";
    public const string Web = "web";

    /// <summary>Operational data (<c>/metrics</c>): program admins, or a scraper with the configured token.</summary>
    public const string Operator = "operator";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Api, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        options.AddPolicy(Web, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        options.AddPolicy(Operator, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).AddRequirements(new OperatorAccess()));
    }
}
