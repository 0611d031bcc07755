using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The competing claims side by side, each with its review actions.</summary>
public sealed class ArbitrationPage(IPage page, UiText t)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["review.arbitration.title"], Level = 1 });

    /// <summary>One claim of the arbitration, found by its name.</summary>
    public ILocator Side(string claimName) => page.GetByRole(AriaRole.Region, new() { Name = claimName, Exact = true });

    public ILocator Status(string claimName) => Side(claimName).GetByRole(AriaRole.Group, new() { Name = t["claims.status"], Exact = true });

    public ILocator Flash(string key) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = t[key] });

    /// <summary>A review action (<c>review.start</c>, <c>review.approve</c>...) on the claim of <paramref name="partnerName"/>.</summary>
    public async Task ActAsync(string actionKey, string partnerName) =>
        await page.GetByRole(AriaRole.Button, new() { Name = t.Format("review.arbitration.actionOf", t[actionKey], partnerName), Exact = true }).ClickAsync();
}
