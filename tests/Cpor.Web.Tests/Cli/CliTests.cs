using System.Text.Json;
using System.Text.Json.Nodes;
using Cpor.Cli;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Cli;

/// <summary>The <c>cpor</c> command line against the product in process.</summary>
public sealed class CliTests(ApiFixture app) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cpor-cli").FullName;

    [Fact]
    public async Task Partner_FilesAClaimFromTheShell()
    {
        Assert.Equal(0, (await RunAsync("login", "--url", "http://localhost", "--email", World.ContosoIncentives, "--password", World.Password)).Code);
        var claimFile = Path.Combine(_folder, "claim.json");
        await File.WriteAllTextAsync(claimFile, JsonSerializer.Serialize(World.M365Claim("From the shell", "onedrive")));
        var pdf = Path.Combine(_folder, "proof.pdf");
        await File.WriteAllBytesAsync(pdf, Files.Pdf("cli"));

        var created = await RunAsync("claims", "create", claimFile);
        var id = JsonNode.Parse(created.Output)!["id"]!.GetValue<string>();
        Assert.Equal(0, (await RunAsync("claims", "attach", id, pdf)).Code);
        var submitted = await RunAsync("claims", "submit", id);
        var listed = await RunAsync("claims", "list", "--status", "Submitted");
        var history = await RunAsync("claims", "history", id);

        Assert.Equal("Submitted", JsonNode.Parse(submitted.Output)!["status"]!.GetValue<string>());
        Assert.Contains(id, listed.Output);
        Assert.Contains("Submit Draft → Submitted", history.Output);
        Assert.Equal(0, (await RunAsync("claims", "withdraw", id, "--comment", "test over")).Code);
    }

    [Fact]
    public async Task ARefusedRequest_ExitsWithOne_AndPrintsTheLocalizedReason()
    {
        await RunAsync("login", "--url", "http://localhost", "--email", World.ContosoIncentives, "--password", World.Password);
        var claim = World.M365Claim();
        claim["customerDomain"] = World.OtherDomain;
        var claimFile = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(claimFile, JsonSerializer.Serialize(claim));

        var result = await RunAsync("claims", "create", claimFile, "--lang", "it");

        Assert.Equal(1, result.Code);
        Assert.Contains("Dominio e tenant non corrispondono", result.Error);
        Assert.Contains("customerDomain", result.Error);
    }

    [Fact]
    public async Task WithoutASession_ExitsWithThree()
    {
        var result = await RunAsync("claims", "list");

        Assert.Equal(3, result.Code);
        Assert.Contains("cpor login", result.Error);
    }

    [Fact]
    public async Task WrongPassword_ExitsWithOne()
    {
        var result = await RunAsync("login", "--url", "http://localhost", "--email", World.ContosoIncentives, "--password", "wrong");

        Assert.Equal(1, result.Code);
        Assert.Contains("invalid_credentials", result.Error);
    }

    [Fact]
    public async Task Import_WithRefusedLines_ExitsWithFour_AndPrintsTheReportReadably()
    {
        await RunAsync("login", "--url", "http://localhost", "--email", CporAppFactory.AdminEmail, "--password", CporAppFactory.AdminPassword);
        var file = Path.Combine(_folder, "tenants.ndjson");
        await File.WriteAllTextAsync(file, "{\"type\":\"tenant\",\"tenantId\":\"not-a-guid\",\"name\":\"Société\"}\n");

        var result = await RunAsync("import", file, "--dry-run", "--lang", "fr");

        Assert.Equal(4, result.Code);
        Assert.Equal("tenants.ndjson", JsonNode.Parse(result.Output)!["rejected"]![0]!["file"]!.GetValue<string>());
        Assert.DoesNotContain("\\u", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 line(s) refused", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, _ => app.CreateClient(), Path.Combine(_folder, "session.json"));
        return (code, output.ToString(), error.ToString());
    }
}
