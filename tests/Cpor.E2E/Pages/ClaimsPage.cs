using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The partner's "Customer associations" dashboard.</summary>
public sealed class ClaimsPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Partner/Claims");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["claims.title"], Level = 1 });

    public ILocator Main => page.GetByRole(AriaRole.Main);

    public ILocator NewClaimLink => Main.GetByRole(AriaRole.Link, new() { Name = t["claims.new"], Exact = true });

    public ILocator ClaimLink(string name) => Main.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task FilterByStatusAsync(string status)
    {
        await page.GetByLabel(t["claims.status"], new() { Exact = true }).SelectOptionAsync(status);
        await page.GetByRole(AriaRole.Button, new() { Name = t["claims.apply"], Exact = true }).ClickAsync();
    }
}
