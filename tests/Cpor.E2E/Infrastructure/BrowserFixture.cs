using Microsoft.Playwright;
using Xunit.Sdk;

namespace Cpor.E2E.Infrastructure;

/// <summary>
/// One product and one headless Debian Chromium for the whole suite; each test opens its own
/// browser context (its own cookies), in the language it speaks.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp App { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new XunitException($"The browser tests need Debian's Chromium at {Chromium}: run scripts/setup.sh --browser.");
        }

        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    /// <summary>The password of every demo account.</summary>
    public const string DemoPassword = "Demo-pass-2026!";

    /// <summary>A fresh browser signed in through the sign-in page, on the page the person lands on.</summary>
    public async Task<IPage> SignedInAsync(string email, string language = "en", string password = DemoPassword, int width = 1280)
    {
        var page = await NewPageAsync(language, width);
        await new Pages.SignInPage(page, new UiText(language)).SignInAsync(email, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/");
        return page;
    }

    /// <summary>A fresh browser (no cookies) whose Accept-Language is <paramref name="language"/>.</summary>
    public async Task<IPage> NewPageAsync(string language = "en", int width = 1280, int height = 900)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = App.BaseUrl,
            Locale = language,
            ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }
}

