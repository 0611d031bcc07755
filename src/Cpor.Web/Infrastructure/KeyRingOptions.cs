namespace Cpor.Web.Infrastructure;

/// <summary>
/// Settings of section <c>Cpor:DataProtection</c>: the key ring in PostgreSQL (tokens, cookies,
/// consent links), optionally encrypted at rest with a certificate.
/// </summary>
public sealed class KeyRingOptions
{
    /// <summary>A PKCS#12 (.pfx) file with a private key; when set, new keys are stored encrypted with it.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Earlier certificates (.pfx, same password), still able to decrypt the keys they encrypted.</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];
}
