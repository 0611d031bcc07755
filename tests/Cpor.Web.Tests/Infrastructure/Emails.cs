using System.Text.RegularExpressions;
using Cpor.Web.Data;
using Cpor.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>The e-mails a claim's events make, composed as the dispatcher would (the tests run without it).</summary>
public static partial class Emails
{
    public static async Task<List<OutboxMessage>> ComposeAsync(this CporAppFactory app, params string[] claimIds)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var fanOut = scope.ServiceProvider.GetRequiredService<NotificationFanOut>();
        var events = await db.OutboxEvents.AsNoTracking().Include(o => o.ClaimEvent).Where(o => claimIds.Contains(o.ClaimId)).OrderBy(o => o.Id).ToListAsync();
        var mails = new List<OutboxMessage>();
        foreach (var outbox in events)
        {
            mails.AddRange(await fanOut.ComposeAsync(outbox, CancellationToken.None));
        }

        return mails;
    }

    /// <summary>The paths of the links in an e-mail's text, in order.</summary>
    public static IReadOnlyList<string> LinksOf(OutboxMessage mail) => [.. Link().Matches(mail.Body).Select(m => new Uri(m.Value).PathAndQuery)];

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
