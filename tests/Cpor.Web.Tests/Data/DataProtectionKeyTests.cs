using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Data;

/// <summary>The product started again on the database of an earlier one, with extra settings.</summary>
public sealed class SameDatabaseApp(string connectionString, IDictionary<string, string?>? extra = null) : CporAppFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>()) { ["ConnectionStrings:Default"] = connectionString };

    public string Protect(string text) => Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Protect(text);

    public string Unprotect(string text) => Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Unprotect(text);
}

public sealed class DataProtectionKeyTests : IAsyncLifetime
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"cpor-dp-{Guid.NewGuid():N}.pfx");
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_database);
        File.Delete(_certificatePath);
    }

    private string ConnectionString => TestDatabase.ConnectionStringFor(_database);

    [Fact]
    public async Task AKeyWrittenByTheApp_AfterARestart_StillUnprotects()
    {
        string token;
        await using (var first = new SameDatabaseApp(ConnectionString))
        {
            token = first.Protect("consent for claim C-1");
        }

        await using var second = new SameDatabaseApp(ConnectionString);

        Assert.Equal("consent for claim C-1", second.Unprotect(token));
        Assert.Equal(1, await second.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task WithACertificate_KeysAreStoredEncrypted_AndReadableAfterARestart()
    {
        WriteCertificate(_certificatePath, "pfx-pass");
        var settings = new Dictionary<string, string?>
        {
            ["Cpor:DataProtection:CertificatePath"] = _certificatePath,
            ["Cpor:DataProtection:CertificatePassword"] = "pfx-pass",
        };
        string token;
        await using (var first = new SameDatabaseApp(ConnectionString, settings))
        {
            token = first.Protect("consent for claim C-2");
        }

        await using var second = new SameDatabaseApp(ConnectionString, settings);

        Assert.Equal("consent for claim C-2", second.Unprotect(token));
        var xml = XElement.Parse(await second.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).SingleAsync()));
        Assert.Contains(xml.Descendants(), e => e.Name.LocalName == "EncryptedData");
        Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName == "value");
    }

    private static void WriteCertificate(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=cpor-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
