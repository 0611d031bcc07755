using System.Globalization;
using System.Security.Claims;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Auth;

/// <summary>Puts the user's organisation, tenant, name and language into the token or cookie.</summary>
public sealed class CporClaimsPrincipalFactory(
    UserManager<CporUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CporUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CporUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Email, user.Email ?? ""));
        identity.AddClaim(new Claim(CporClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(CporClaimTypes.Language, user.Language));
        identity.AddClaim(new Claim(CporClaimTypes.TimeZone, user.TimeZone));
        if (user.PartnerOrgId is not null)
        {
            identity.AddClaim(new Claim(CporClaimTypes.PartnerOrg, user.PartnerOrgId));
        }

        if (user.TenantId is { } tenant)
        {
            identity.AddClaim(new Claim(CporClaimTypes.Tenant, tenant.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
