using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The customer admin's list of the claims and associations on their tenant.</summary>
public sealed class CustomerClaimsPage(IPage page, UiText t)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["customerClaims.title"], Level = 1 });

    public ILocator ClaimLink(string name) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
