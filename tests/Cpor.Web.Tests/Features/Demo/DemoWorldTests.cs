using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Demo;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Demo;

/// <summary>The product in demo mode, as <c>make run</c> starts it.</summary>
public sealed class DemoFactory : CporAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cpor:Demo:Enabled"] = "true" };
}

public class DemoWorldTests(DemoFactory app) : IClassFixture<DemoFactory>
{
    private async Task<HttpClient> AdminAsync() =>
        await WithTokenAsync(await app.CreateClient().PostAsync("/api/v1/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { email = CporAppFactory.AdminEmail, password = CporAppFactory.AdminPassword })));

    private async Task<HttpClient> WithTokenAsync(HttpResponseMessage login)
    {
        var token = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task DemoWorld_HasClaimsInEveryStatus_AndTheDirectoryCases()
    {
        _ = app.Server; // starts the host, which seeds the demo world

        var statuses = await app.WithDbAsync(db => db.Claims.Select(c => c.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<ClaimStatus>().Order(), statuses.Order());
        Assert.Equal(50, await app.WithDbAsync(db => db.Tenants.CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.Channel == SubscriptionChannel.CSP)));
        Assert.True(await app.WithDbAsync(db => db.Subscriptions.AnyAsync(s => !s.Provisioned)));
        Assert.True(await app.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.State == SubscriptionState.Grace)));
        Assert.True(await app.WithDbAsync(db => db.Claims.AnyAsync(c => c.Competing)));
        Assert.True(await app.WithDbAsync(db => db.UsageFacts.CountAsync()) > 1000);
        Assert.Equal(DemoWorld.Accounts.Count + 1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task DemoAccounts_CoverEveryRole_AndEachSignsInWithTheDemoPassword()
    {
        Assert.Equal(Cpor.Web.Infrastructure.Roles.All.Order(), DemoWorld.Accounts.Select(a => a.Role).Distinct().Order());

        foreach (var account in DemoWorld.Accounts)
        {
            var login = await app.CreateClient().PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = account.Email, password = "Demo-pass-2026!" }));
            Assert.True(login.IsSuccessStatusCode, $"{account.Email}: {(int)login.StatusCode}");
            var me = await ApiFixture.OkAsync<Cpor.Web.Features.Auth.MeResponse>(await (await WithTokenAsync(login)).GetAsync("/api/v1/me"));
            Assert.Equal([account.Role], me.Roles);
        }
    }

    [Fact]
    public async Task StartPage_InDemoMode_SignsInWithOneClickOnAnAccount()
    {
        var browser = UiClient.Anonymous(app);
        var start = await browser.GetPageAsync("/");
        var account = DemoWorld.Accounts.First(a => a.Role == Cpor.Web.Infrastructure.Roles.Reviewer);
        var form = start.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=Email]")?.GetAttribute("value") == account.Email);

        var response = await browser.PostFormAsync(form.GetAttribute("action")!, start, new() { ["Email"] = account.Email });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Home", response.Headers.Location?.OriginalString);
        Assert.Equal("/Review", (await browser.GetAsync("/Home")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DemoSignIn_ForAnAccountThatIsNotADemoOne_IsNotFound()
    {
        var browser = UiClient.Anonymous(app);
        var start = await browser.GetPageAsync("/");

        var response = await browser.PostFormAsync("/?handler=Demo", start, new() { ["Email"] = "admin@cpor.example" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(DemoDirectory.DefaultSeed)]
    public async Task GeneratedDirectory_ImportsCleanlyIntoTheDemoWorld(int seed)
    {
        var admin = await AdminAsync();
        var generated = await admin.GetStringAsync($"/api/v1/admin/directory/demo.ndjson?tenants=60&months=3&seed={seed}");

        var import = await admin.PostAsync("/api/v1/admin/directory/import?dryRun=true", new StringContent(generated, System.Text.Encoding.UTF8, "application/x-ndjson"));

        var report = await ApiFixture.OkAsync<System.Text.Json.JsonElement>(import);
        Assert.Equal(0, report.GetProperty("rejectedCount").GetInt64());
    }

    [Fact]
    public void DemoGuide_NamesTheTenantIdAndDomainOfEveryValidationCase()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "docs", "demo.md"));
        var directory = new DemoDirectory(DemoDirectory.DefaultSeed, 5, 0, DateTimeOffset.UnixEpoch);

        Assert.All(directory.Tenants, t =>
        {
            Assert.Contains(t.Id.ToString("D"), guide, StringComparison.Ordinal);
            Assert.Contains(t.Domain, guide, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DemoWorld_SeedsOnlyAnEmptyDatabase()
    {
        _ = app.Server;
        var claims = await app.WithDbAsync(db => db.Claims.CountAsync());

        await using var scope = app.Scope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoWorld>().SeedIfEmptyAsync(CancellationToken.None);

        Assert.False(seeded);
        Assert.Equal(claims, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Fact]
    public async Task DemoClaims_PassTodaysValidation()
    {
        _ = app.Server;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Cpor.Web.Data.CporDb>();
        var directory = scope.ServiceProvider.GetRequiredService<ClaimDirectory>();
        var open = await db.Claims.Include(c => c.Products).Where(c => c.Status == ClaimStatus.Draft || c.Status == ClaimStatus.Submitted).ToListAsync();

        foreach (var claim in open)
        {
            var input = ClaimInput.From(claim);
            var validation = ClaimValidator.Validate(input, await directory.LoadAsync(input, claim.PartnerOrgId, CancellationToken.None));
            Assert.True(validation.IsValid, $"{claim.Name}: {string.Join(", ", validation.Errors)}");
        }
    }
}
