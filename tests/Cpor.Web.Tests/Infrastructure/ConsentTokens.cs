using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>The opt-out link the approval e-mail carries, made the way the notification makes it.</summary>
public static class ConsentTokens
{
    /// <summary>The path of the consent page for the claim's current approval, as sent to the customer admin <paramref name="email"/>.</summary>
    public static async Task<string> ConsentPathAsync(this CporAppFactory app, string claimId, string email)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var claim = await ClaimCommands.LoadAsync(db.Claims.AsNoTracking(), claimId, CancellationToken.None) ?? throw new InvalidOperationException(claimId);
        var recipient = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var links = scope.ServiceProvider.GetRequiredService<ConsentLinks>();
        return new Uri(links.PageUrl(links.CreateToken(claim, recipient))).PathAndQuery;
    }
}
