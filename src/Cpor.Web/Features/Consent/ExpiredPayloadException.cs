using System.Security.Cryptography;

namespace Cpor.Web.Features.Consent;

/// <summary>
/// The payload is authentic but its time is over. A <see cref="CryptographicException"/> like
/// every other refusal of <c>Unprotect</c>, so callers that do not care need not know it.
/// </summary>
public sealed class ExpiredPayloadException(DateTimeOffset expiration)
    : CryptographicException($"The payload expired at {expiration:O}.")
{
    public DateTimeOffset Expiration { get; } = expiration;
}
