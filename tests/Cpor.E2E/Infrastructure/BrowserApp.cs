using Cpor.Web.Tests.Infrastructure;

namespace Cpor.E2E.Infrastructure;

/// <summary>The product on real Kestrel (a browser needs a socket), seeded with the demo world.</summary>
public sealed class BrowserApp : CporAppFactory
{
    public BrowserApp() => UseKestrel(0);

    /// <summary>Where the browser reaches the product, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cpor:Demo:Enabled"] = "true" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }
}
