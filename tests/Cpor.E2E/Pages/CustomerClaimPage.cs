using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>One claim on the customer's tenant, with the opt-out.</summary>
public sealed class CustomerClaimPage(IPage page, UiText t)
{
    public ILocator Heading(string claimName) => page.GetByRole(AriaRole.Heading, new() { Name = claimName, Level = 1 });

    public ILocator Status => page.GetByRole(AriaRole.Group, new() { Name = t["claims.status"], Exact = true });

    public ILocator Flash(string key) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = t[key] });

    /// <summary>Opts out with a comment, accepting the browser's confirmation.</summary>
    public async Task OptOutAsync(string comment)
    {
        await page.GetByLabel(t["customerClaims.comment"], new() { Exact = true }).FillAsync(comment);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = t["customerClaims.optOut"], Exact = true }).ClickAsync();
    }
}
