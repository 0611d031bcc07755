using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The reviewers' queue.</summary>
public sealed class ReviewQueuePage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Review");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["review.queue.title"], Level = 1 });

    public ILocator ClaimLink(string name) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The row of a claim in the queue.</summary>
    public ILocator Row(string claimName) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = claimName, Exact = true }) });

    /// <summary>The link to the arbitration view of a competing claim (named after the claim for screen readers).</summary>
    public ILocator ArbitrationLink(string claimName) =>
        page.GetByRole(AriaRole.Link, new() { Name = t.Format("review.arbitration.actionOf", t["review.arbitration.open"], claimName), Exact = true });
}
