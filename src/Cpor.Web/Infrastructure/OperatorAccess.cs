using System.Security.Cryptography;
using System.Text;
using Cpor.Web.Features.Operations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Who may read operational data such as <c>/metrics</c>: a program admin signed in with a bearer
/// token, or a scraper presenting the configured <see cref="MetricsOptions.Token"/>.
/// </summary>
public sealed class OperatorAccess : IAuthorizationRequirement;

internal sealed class OperatorAccessHandler(IOptionsMonitor<MetricsOptions> options) : AuthorizationHandler<OperatorAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorAccess requirement)
    {
        if (context.User.IsInRole(Roles.ProgramAdmin) || HasScrapeToken(context.Resource as HttpContext))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool HasScrapeToken(HttpContext? http)
    {
        var expected = options.CurrentValue.Token;
        var header = http?.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(expected) || header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(expected));
    }
}
