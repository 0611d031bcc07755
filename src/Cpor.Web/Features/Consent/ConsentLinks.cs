using System.Globalization;
using System.Security.Cryptography;
using Cpor.Domain;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Consent;

/// <summary>
/// What a consent link stands for: one approval of one claim, sent to one customer admin
/// (<paramref name="RecipientUserId"/>) or to the claim's customer contact (<paramref name="RecipientName"/>).
/// </summary>
public sealed record ConsentLink(string ClaimId, Guid TenantId, string? RecipientUserId, DateTimeOffset ConsentEndsAt, string? RecipientName = null);

/// <summary>
/// The opt-out links e-mailed to customer admins on approval (CPOR.md §8): signed with ASP.NET
/// Data Protection (keys shared by every server through the database) and expiring when the
/// consent window closes. A link names the approval it was sent for, so a link from an earlier
/// approval of the same claim is refused after a dispute and a new approval.
/// </summary>
public sealed class ConsentLinks(IDataProtectionProvider provider, TimeProvider time, IOptions<CporOptions> options)
{
    public const int MaxTokenLength = 1000;
    private const string Purpose = "Cpor.Consent.OptOut.v1";

    private ITimeLimitedDataProtector Protector => new ClockedTimeLimitedDataProtector(provider.CreateProtector(Purpose), time);

    /// <summary>
    /// A token about the claim's current approval for a customer admin (<paramref name="recipientUserId"/>)
    /// or for a person without an account, whose name the history will show (<paramref name="recipientName"/>).
    /// </summary>
    public string CreateToken(Claim claim, string? recipientUserId, string? recipientName = null)
    {
        var endsAt = claim.ConsentEndsAt ?? throw new InvalidOperationException($"Claim {claim.Id} has no consent window.");
        var payload = string.Join('\n', claim.Id, claim.TenantId.ToString("D"), recipientUserId ?? "", endsAt.UtcTicks.ToString(CultureInfo.InvariantCulture), recipientName ?? "");
        return Protector.Protect(payload, endsAt);
    }

    /// <summary>The page a customer opens from the e-mail.</summary>
    public string PageUrl(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/consent/{token}";

    /// <summary>
    /// The link's meaning, <c>consent_link_invalid</c> for anything we did not sign, or
    /// <c>consent_window_closed</c> once the window it was sent for is over.
    /// </summary>
    public Outcome<ConsentLink> Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength)
        {
            return Invalid;
        }

        string payload;
        try
        {
            payload = Protector.Unprotect(token, out _);
        }
        catch (ExpiredPayloadException expired)
        {
            return new DomainError(ErrorCodes.ConsentWindowClosed, null, expired.Expiration.ToString("O", CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return Invalid;
        }

        var parts = payload.Split('\n');
        if (parts is not [{ Length: > 0 } claimId, var tenant, var user, var ticks, ..] || parts.Length > 5
            || !Guid.TryParseExact(tenant, "D", out var tenantId)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var endTicks))
        {
            return Invalid;
        }

        var name = parts.Length == 5 && parts[4].Length > 0 ? parts[4] : null;
        return new ConsentLink(claimId, tenantId, user.Length > 0 ? user : null, new DateTimeOffset(endTicks, TimeSpan.Zero), name);
    }

    private static DomainError Invalid => new(ErrorCodes.ConsentLinkInvalid, "token");
}
