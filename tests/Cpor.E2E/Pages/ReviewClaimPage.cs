using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>One claim as a reviewer works on it: status, previews, the review actions and the supersede confirmation.</summary>
public sealed class ReviewClaimPage(IPage page, UiText t)
{
    public ILocator Heading(string claimName) => page.GetByRole(AriaRole.Heading, new() { Name = claimName, Level = 1 });

    /// <summary>The claim's status badges.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Group, new() { Name = t["claims.status"], Exact = true });

    public ILocator Flash(string key) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = t[key] });

    /// <summary>The inline preview of an image file.</summary>
    public ILocator ImagePreview(string fileName) => page.GetByRole(AriaRole.Img, new() { Name = t.Format("review.poe.previewOf", fileName), Exact = true });

    /// <summary>The frame showing a PDF file.</summary>
    public ILocator PdfPreview(string fileName) => page.GetByTitle(t.Format("review.poe.previewOf", fileName), new() { Exact = true });

    public async Task StartReviewAsync() => await Button("review.start").ClickAsync();

    public async Task ApproveAsync(string comment)
    {
        await page.GetByLabel(t["review.approve.comment"], new() { Exact = true }).FillAsync(comment);
        await Button("review.approve").ClickAsync();
    }

    /// <summary>Asks the partner for more information, for these reasons, with a question.</summary>
    public async Task RequestInfoAsync(IEnumerable<string> reasons, string question)
    {
        await page.GetByText(t["review.requestInfo"], new() { Exact = true }).ClickAsync();
        foreach (var reason in reasons)
        {
            await page.GetByLabel(t["review.reason." + reason], new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel(t["review.requestInfo.comment"], new() { Exact = true }).FillAsync(question);
        await Button("review.requestInfo.send").ClickAsync();
    }

    /// <summary>The step that asks to confirm ending another partner's association.</summary>
    public ILocator SupersedeConfirmation => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = t["review.supersede.title"] });

    public async Task ConfirmSupersedeAsync() => await Button("review.supersede.confirm").ClickAsync();

    private ILocator Button(string key) => page.GetByRole(AriaRole.Button, new() { Name = t[key], Exact = true });
}
