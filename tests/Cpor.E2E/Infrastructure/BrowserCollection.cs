namespace Cpor.E2E.Infrastructure;

/// <summary>The browser tests share one product and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
