using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The page of the e-mailed opt-out link, open without signing in.</summary>
public sealed class ConsentPage(IPage page, UiText t)
{
    public async Task GotoAsync(string path) => await page.GotoAsync(path);

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["consent.title"], Level = 1 });

    /// <summary>What the link is about: this partner asking for this tenant.</summary>
    public ILocator About(string partnerName, string tenantName) =>
        page.GetByRole(AriaRole.Heading, new() { Name = t.Format("consent.about", partnerName, tenantName), Exact = true });

    public ILocator Flash(string key) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = t[key] });

    public ILocator Text(string key) => page.GetByText(t[key], new() { Exact = true });

    /// <summary>Opts out with a comment, accepting the browser's confirmation.</summary>
    public async Task OptOutAsync(string comment)
    {
        await page.GetByLabel(t["customerClaims.comment"], new() { Exact = true }).FillAsync(comment);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = t["customerClaims.optOut"], Exact = true }).ClickAsync();
    }
}
