using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>One claim: status, timeline, details, files, comments, history and the partner's actions.</summary>
public sealed class ClaimPage(IPage page, UiText t)
{
    public ILocator Heading(string claimName) => page.GetByRole(AriaRole.Heading, new() { Name = claimName, Level = 1 });

    /// <summary>The claim's status badge.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Group, new() { Name = t["claims.status"], Exact = true });

    public ILocator Flash(string key) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = t[key] });

    public ILocator Comment(string text) => page.GetByRole(AriaRole.Region, new() { Name = t["comments.title"], Exact = true }).GetByText(text);

    /// <summary>A reason the reviewer gave when asking for more information.</summary>
    public ILocator InfoRequestReason(string reason) =>
        page.GetByRole(AriaRole.Region, new() { Name = t["claim.infoRequested"], Exact = true }).GetByText(t["reason.info." + reason], new() { Exact = true });

    public ILocator Button(string key) => page.GetByRole(AriaRole.Button, new() { Name = t[key], Exact = true });

    public ILocator Link(string key) => page.GetByRole(AriaRole.Link, new() { Name = t[key], Exact = true });
}
