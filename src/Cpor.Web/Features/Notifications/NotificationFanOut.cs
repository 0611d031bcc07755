using System.Security.Cryptography;
using System.Text;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Consent;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Notifications;

/// <summary>One outbox event processed: how many e-mails it made, or why it could not.</summary>
public sealed record FanOutResult(long EventId, int Messages, Exception? Error);

/// <summary>
/// Turns one outbox event into its e-mails (CPOR.md §8), one per recipient, each in the
/// recipient's language, and marks the event processed — in one transaction, holding the event
/// with SKIP LOCKED so that several dispatchers share the queue without writing an e-mail twice.
/// </summary>
public sealed class NotificationFanOut(
    CporDb db,
    EmailComposer composer,
    ConsentLinks links,
    TimeProvider time,
    IOptions<CporOptions> cpor,
    IOptions<NotificationOptions> options)
{
    /// <summary>
    /// Processes the oldest waiting event (except <paramref name="skip"/>); null when none is
    /// waiting. An event that cannot be turned into e-mails is rolled back, its failure counted
    /// (<see cref="FanOutResult.Error"/>), and the caller moves on to the next one.
    /// </summary>
    public async Task<FanOutResult?> ProcessNextAsync(IReadOnlyCollection<long> skip, CancellationToken ct)
    {
        var skipped = skip.ToArray();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM outbox_events
            WHERE processed_at IS NULL AND NOT (id = ANY({skipped}))
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }

        var id = ids[0];
        try
        {
            var outbox = await db.OutboxEvents.Include(o => o.ClaimEvent).SingleAsync(o => o.Id == id, ct);
            var messages = await ComposeAsync(outbox, ct);
            db.OutboxMessages.AddRange(messages);
            outbox.ProcessedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new FanOutResult(id, messages.Count, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            await RecordFailureAsync(id, e, ct);
            return new FanOutResult(id, 0, e);
        }
    }

    /// <summary>Records a failed attempt; after the configured number the event is set aside (processed, with its error).</summary>
    private async Task RecordFailureAsync(long eventId, Exception error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var message = Truncate(error.Message, 2000);
        var max = Math.Max(1, options.Value.MaxAttempts);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_events
            SET attempts = attempts + 1, last_error = {message},
                processed_at = CASE WHEN attempts + 1 >= {max} THEN {now} ELSE NULL END
            WHERE id = {eventId} AND processed_at IS NULL
            """, ct);
    }

    /// <summary>Who hears about the event, and what each of them reads.</summary>
    public async Task<List<OutboxMessage>> ComposeAsync(OutboxEvent outbox, CancellationToken ct)
    {
        var e = outbox.ClaimEvent;
        var claim = await ClaimCommands.LoadAsync(db.Claims.AsNoTracking(), outbox.ClaimId, ct)
            ?? throw new InvalidOperationException($"Outbox event {outbox.Id} names a missing claim.");
        var audiences = Audiences(e, claim);
        if (audiences.Count == 0)
        {
            return [];
        }

        var facts = await FactsAsync(e, claim, ct);
        var messages = new List<OutboxMessage>();
        var now = time.GetUtcNow();
        foreach (var (topic, audience) in audiences)
        {
            foreach (var recipient in await RecipientsAsync(audience, claim, e, ct))
            {
                if (messages.Any(m => string.Equals(m.RecipientEmail, recipient.Email, StringComparison.OrdinalIgnoreCase)))
                {
                    continue; // one e-mail per person per event
                }

                var optOut = topic == NotificationTopic.ConsentRequested
                    ? links.PageUrl(links.CreateToken(claim, recipient.UserId, recipient.UserId is null ? recipient.DisplayName : null))
                    : null;
                var email = composer.Compose(topic, facts with { ClaimUrl = UrlOf(ClaimLinks.PathFor(audience, claim.Id)) }, recipient, optOut);
                messages.Add(new OutboxMessage
                {
                    OutboxEventId = outbox.Id,
                    ClaimId = claim.Id,
                    Topic = topic.ToString(),
                    RecipientUserId = recipient.UserId,
                    RecipientEmail = recipient.Email,
                    Language = Languages.CultureOf(recipient.Language).Name,
                    MessageId = MessageId(outbox.Id, recipient.Email),
                    Subject = Truncate(email.Subject, 400),
                    Body = email.Body,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }

        return messages;
    }

    /// <summary>The rules of CPOR.md §8, as (topic, audience) pairs for one history line.</summary>
    public static List<(NotificationTopic Topic, Audience Audience)> Audiences(ClaimEvent e, Claim claim)
    {
        var result = new List<(NotificationTopic, Audience)>();
        switch (e.Kind)
        {
            case ClaimEventKind.StatusChanged:
                result.Add((NotificationTopic.StatusChanged, Audience.Partner));
                // Only the approval the claim still stands in: a window already closed needs no invitation.
                if (e.ToStatus == ClaimStatus.Approved && claim.Status == ClaimStatus.Approved && claim.StageEnteredAt == e.At)
                {
                    result.Add((NotificationTopic.ConsentRequested, Audience.CustomerAdmins));
                    result.Add((NotificationTopic.ConsentRequested, Audience.CustomerContact));
                }

                if (e.Action == ClaimAction.Dispute)
                {
                    result.Add((NotificationTopic.DisputeReceived, Audience.Reviewers));
                }

                if (e.Action == ClaimAction.Submit && e.FromStatus == ClaimStatus.PartnerActionRequired)
                {
                    result.Add((NotificationTopic.PartnerAnswered, Audience.Reviewers));
                }

                break;
            case ClaimEventKind.CommentAdded when CommentText.KeyOf(e) == Arbitration.NoticeKey:
                result.Add((NotificationTopic.ArbitrationStarted, Audience.Partner));
                break;
            case ClaimEventKind.CommentAdded when e.ActorKind is ActorKind.Reviewer or ActorKind.System:
                result.Add((NotificationTopic.ReviewerComment, Audience.Partner));
                break;
        }

        return result;
    }

    private async Task<ClaimFacts> FactsAsync(ClaimEvent e, Claim claim, CancellationToken ct)
    {
        var partner = await db.PartnerOrgs.AsNoTracking().Where(p => p.Id == claim.PartnerOrgId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == claim.TenantId).Select(t => t.Name).SingleOrDefaultAsync(ct);
        var productIds = claim.Products.Select(p => p.ProductId).Distinct().ToList();
        var names = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var products = claim.Products
            .Select(p => (names.GetValueOrDefault(p.ProductId) ?? p.ProductId) + (p.SubscriptionId is { } s ? $" ({s:D})" : ""))
            .ToList();
        return new ClaimFacts(e, claim, partner ?? claim.PartnerOrgId, tenant ?? claim.CustomerDomain, products, "");
    }

    /// <summary>An absolute link for an e-mail; empty when the reader has no page to go to.</summary>
    private string UrlOf(string? path) => path is null ? "" : cpor.Value.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>
    /// The people of an audience with an e-mail address. The person who acted is not told what
    /// they just did. Reviewers: the claim's reviewer when it has one, every reviewer otherwise.
    /// </summary>
    private async Task<List<Recipient>> RecipientsAsync(Audience audience, Claim claim, ClaimEvent e, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => u.Email != null && u.Email != "");
        List<CporUser> rows;
        switch (audience)
        {
            case Audience.Partner:
                rows = await users.Where(u => u.PartnerOrgId == claim.PartnerOrgId).OrderBy(u => u.Email).ToListAsync(ct);
                break;
            case Audience.CustomerAdmins:
                rows = await InRole(users.Where(u => u.TenantId == claim.TenantId), Roles.CustomerAdmin).OrderBy(u => u.Email).ToListAsync(ct);
                break;
            case Audience.CustomerContact:
                var country = await db.Tenants.AsNoTracking().Where(t => t.Id == claim.TenantId).Select(t => t.Country).SingleOrDefaultAsync(ct);
                return [new Recipient(null, claim.CustomerContact.Email, claim.CustomerContact.Name, LanguageOfCountry(country), "UTC")];
            case Audience.Reviewers:
                var reviewers = InRole(users, Roles.Reviewer);
                rows = claim.ReviewerId is { } reviewerId ? await reviewers.Where(u => u.Id == reviewerId).ToListAsync(ct) : [];
                if (rows.Count == 0)
                {
                    rows = await reviewers.OrderBy(u => u.Email).ToListAsync(ct);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(audience), audience, null);
        }

        return rows
            .Where(u => u.Id != e.ActorId)
            .Select(u => new Recipient(u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, u.Language, u.TimeZone))
            .ToList();
    }

    /// <summary>A customer contact has no account and no stated language: write in the tenant country's, else English.</summary>
    public static string LanguageOfCountry(string? country) => country?.ToUpperInvariant() switch
    {
        "FR" or "MC" or "LU" => "fr",
        "IT" or "SM" or "VA" => "it",
        _ => Languages.Default,
    };

    private IQueryable<CporUser> InRole(IQueryable<CporUser> users, string role) =>
        from u in users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select u;

    /// <summary>Stable for an event and a person: a receiver seeing it twice knows it is the same e-mail.</summary>
    private string MessageId(long eventId, string email)
    {
        var host = Uri.TryCreate(cpor.Value.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : "cpor.localhost";
        var who = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16];
        return $"<cpor.{eventId}.{who}@{host}>";
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
