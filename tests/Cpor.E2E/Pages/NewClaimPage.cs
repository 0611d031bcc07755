using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>"+ Customer association", first step: the claim's fields in the order of the create page.</summary>
public sealed class NewClaimPage(IPage page, UiText t)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["claimNew.title"], Level = 1 });

    public async Task FillNameAsync(string name) => await page.GetByLabel(t["claim.name"]).FillAsync(name);

    public async Task SelectMpnAsync(string mpnId) => await page.GetByLabel(t["claim.mpnId"]).SelectOptionAsync(new SelectOptionValue { Value = mpnId });

    /// <summary>The enrolment line under the MPN ID, once an activity is chosen.</summary>
    public ILocator Enrolment(string programName) => page.GetByText(t.Format("claim.mpnEnrolled", programName));

    /// <summary>Types the domain and the tenant ID, then leaves the field: the customer is checked on the spot.</summary>
    public async Task FillCustomerAsync(string domain, string tenantId)
    {
        await page.GetByLabel(t["claim.customerDomain"]).FillAsync(domain);
        var tenant = page.GetByLabel(t["claim.tenantId"]);
        await tenant.FillAsync(tenantId);
        await tenant.PressAsync("Tab");
    }

    public ILocator CustomerFound(string tenantName) => page.GetByText(t.Format("customer.found", tenantName));

    public async Task ChooseSolutionAreaAsync(string area) =>
        await page.GetByRole(AriaRole.Radio, new() { Name = t["area." + area], Exact = true }).CheckAsync();

    public async Task ChooseActivityAsync(string activity) =>
        await page.GetByRole(AriaRole.Radio, new() { Name = t["activity." + activity], Exact = true }).CheckAsync();

    /// <summary>The description of an activity, shown with its choice.</summary>
    public ILocator ActivityDescription(string area, string activity) => page.GetByText(t[$"activity.{area}.{activity}.description"]);

    public async Task TickProductAsync(string productName) =>
        await page.GetByRole(AriaRole.Checkbox, new() { Name = productName, Exact = true }).CheckAsync();

    /// <summary>The subscription picker of the (only) ticked Dynamics 365 product.</summary>
    public ILocator SubscriptionPicker => page.GetByRole(AriaRole.Combobox, new() { Name = t["product.subscription"], Exact = true });

    public async Task FillContactAsync(string groupKey, string name, string? title, string email)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = t[groupKey], Exact = true });
        await group.GetByLabel(t["contact.name"]).FillAsync(name);
        if (title is not null)
        {
            await group.GetByLabel(t["contact.title"]).FillAsync(title);
        }

        await group.GetByLabel(t["contact.email"]).FillAsync(email);
    }

    public async Task ContinueAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = t["claimNew.continue"], Exact = true }).ClickAsync();

    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert);
}
