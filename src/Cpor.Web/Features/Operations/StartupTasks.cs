using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Demo;
using Cpor.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Operations;

/// <summary>What happens before the first request: migrations, the bootstrap admin, the demo world.</summary>
public static class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, string connectionString)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Cpor.Startup");
        var applied = await SqlMigrator.MigrateAsync(connectionString);
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied migrations {Versions}", string.Join(", ", applied));
        }

        var options = services.GetRequiredService<IOptions<CporOptions>>().Value;
        using var scope = services.CreateScope();
        await Users.EnsureRolesAsync(scope.ServiceProvider);
        if (options.BootstrapAdmin is { Email: { Length: > 0 } email, Password: { Length: > 0 } password })
        {
            await Users.EnsureBootstrapAdminAsync(scope.ServiceProvider, email, password, logger);
        }

        if (options.Demo.Enabled)
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoWorld>();
            await demo.SeedIfEmptyAsync(CancellationToken.None);
        }
    }
}
