using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cpor.Web.Features.Consent;

/// <summary>
/// An <see cref="ITimeLimitedDataProtector"/> that reads the time from the injected
/// <see cref="TimeProvider"/>. The framework's own one reads the machine clock, which would make
/// expiry untestable and let links outlive (or die before) the consent window the product's
/// clock says is open. Same envelope idea: the expiry is signed together with the payload.
/// </summary>
public sealed class ClockedTimeLimitedDataProtector(IDataProtector inner, TimeProvider time) : ITimeLimitedDataProtector
{
    private const int HeaderLength = sizeof(long);

    public ITimeLimitedDataProtector CreateProtector(string purpose) => new ClockedTimeLimitedDataProtector(inner.CreateProtector(purpose), time);

    IDataProtector IDataProtectionProvider.CreateProtector(string purpose) => CreateProtector(purpose);

    public byte[] Protect(byte[] plaintext, DateTimeOffset expiration)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var envelope = new byte[HeaderLength + plaintext.Length];
        BinaryPrimitives.WriteInt64BigEndian(envelope, expiration.UtcTicks);
        plaintext.CopyTo(envelope, HeaderLength);
        return inner.Protect(envelope);
    }

    public byte[] Unprotect(byte[] protectedData, out DateTimeOffset expiration)
    {
        var envelope = inner.Unprotect(protectedData);
        if (envelope.Length < HeaderLength)
        {
            throw new CryptographicException("The protected payload has no expiry.");
        }

        expiration = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(envelope), TimeSpan.Zero);
        if (time.GetUtcNow() > expiration)
        {
            throw new ExpiredPayloadException(expiration);
        }

        return envelope[HeaderLength..];
    }

    public byte[] Protect(byte[] plaintext) => Protect(plaintext, DateTimeOffset.MaxValue);

    public byte[] Unprotect(byte[] protectedData) => Unprotect(protectedData, out _);
}
