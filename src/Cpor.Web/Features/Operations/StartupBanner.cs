using Cpor.Web.Features.Demo;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Operations;

/// <summary>Prints where the product listens and, in demo mode, the accounts to try it with.</summary>
public static class StartupBanner
{
    public static void Print(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CporOptions>>().Value;
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? options.PublicBaseUrl;
        Console.WriteLine();
        Console.WriteLine($"  CPOR is running at {url}");
        Console.WriteLine($"  API documentation: {url}/api/docs   OpenAPI: {url}/openapi/v1.json");
        if (options.BootstrapAdmin.Email is { Length: > 0 } admin)
        {
            Console.WriteLine($"  Program admin:     {admin}");
        }

        if (options.Demo.Enabled)
        {
            Console.WriteLine($"  Demo accounts (password {options.Demo.Password}):");
            foreach (var account in DemoWorld.Accounts)
            {
                Console.WriteLine($"    {account.Email,-30} {account.Role,-16} {account.Who}");
            }
        }

        Console.WriteLine();
    }
}
