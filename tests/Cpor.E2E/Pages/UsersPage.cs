using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>Accounts: the list and the create-user form.</summary>
public sealed class UsersPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Admin/Users");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["users.title"], Level = 1 });

    private ILocator CreateForm => page.GetByRole(AriaRole.Region, new() { Name = t["users.create"], Exact = true });

    /// <summary>Creates a partner user without a password: the page shows a temporary one, once.</summary>
    public async Task CreateAsync(string email, string displayName, string role, string organisation, string language)
    {
        await CreateForm.GetByLabel(t["users.email"]).FillAsync(email);
        await CreateForm.GetByLabel(t["users.displayName"]).FillAsync(displayName);
        await CreateForm.GetByRole(AriaRole.Checkbox, new() { Name = t["role." + role], Exact = true }).CheckAsync();
        await CreateForm.GetByLabel(t["users.organisation"], new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = organisation });
        await CreateForm.GetByLabel(t["users.language"], new() { Exact = true }).SelectOptionAsync(language);
        await CreateForm.GetByRole(AriaRole.Button, new() { Name = t["users.createButton"], Exact = true }).ClickAsync();
    }

    public ILocator Created(string email) => page.GetByText(t.Format("users.created", email));

    public ILocator TemporaryPassword => page.GetByText(t["users.temporaryPassword"]);
}
