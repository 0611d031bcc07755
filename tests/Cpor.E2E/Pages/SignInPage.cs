using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The start page: the sign-in form, and the demo accounts in demo mode.</summary>
public sealed class SignInPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["signIn.title"], Level = 1 });

    /// <summary>Clicks a demo account, which signs in as it.</summary>
    public async Task UseDemoAccountAsync(string email) =>
        await page.GetByRole(AriaRole.Button, new() { Name = t.Format("signIn.demoUse", email) }).ClickAsync();

    public ILocator Email => page.GetByLabel(t["signIn.email"]);

    public ILocator Password => page.GetByLabel(t["signIn.password"]);

    public async Task SubmitAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = t["signIn.submit"], Exact = true }).ClickAsync();

    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitAsync();
    }
}
