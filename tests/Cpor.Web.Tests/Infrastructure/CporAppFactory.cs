using Cpor.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>
/// The product in process, on its own PostgreSQL database, with a clock the test controls and a
/// private attachment folder. One per test class (<c>IClassFixture</c>).
/// </summary>
public class CporAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@cpor.test";
    public const string AdminPassword = "Admin-pass-2026!";

    private readonly string _files = Path.Combine(Path.GetTempPath(), "cpor-tests", Guid.NewGuid().ToString("N"));

    public string DatabaseName { get; private set; } = "";

    public string ConnectionString => TestDatabase.ConnectionStringFor(DatabaseName);

    public FakeClock Clock { get; } = new();

    /// <summary>A folder of this app's own for files it writes (PoE, e-mails), deleted with the app.</summary>
    protected string FilesFolder(string name) => Path.Combine(_files, name);

    /// <summary>Extra settings a derived factory wants (demo mode, limits...).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync() => DatabaseName = await TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }

    /// <summary>A scope on the app's services, to read the database directly in assertions.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<CporDb, Task<T>> read)
    {
        await using var scope = Scope();
        return await read(scope.ServiceProvider.GetRequiredService<CporDb>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Cpor:Attachments:Path", FilesFolder("attachments"));
        builder.UseSetting("Cpor:BootstrapAdmin:Email", AdminEmail);
        builder.UseSetting("Cpor:BootstrapAdmin:Password", AdminPassword);
        builder.UseSetting("Cpor:Security:PasswordHashIterations", "1000");
        builder.UseSetting("Cpor:Security:AccessTokenMinutes", "5256000");
        builder.UseSetting("Cpor:Scheduler:Enabled", "false");
        builder.UseSetting("Cpor:Notifications:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
