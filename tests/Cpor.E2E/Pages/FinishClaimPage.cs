using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The wizard's last steps: proof of execution (drop zone, template), comment, submit.</summary>
public sealed class FinishClaimPage(IPage page, UiText t)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["claimFinish.title"], Level = 1 });

    public ILocator TemplateLink => page.GetByRole(AriaRole.Link, new() { Name = t["poe.template"], Exact = true });

    /// <summary>Gives the drop zone's file input a file, as choosing it in the file dialog does.</summary>
    public async Task UploadAsync(string fileName, string mimeType, byte[] content) =>
        await page.GetByLabel(t["poe.drop"]).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });

    /// <summary>The drop zone's refused files, each with the reason it was refused.</summary>
    public ILocator UploadFailures => page.Locator(".upload-progress li.upload-failed");

    public ILocator File(string fileName) => page.GetByRole(AriaRole.Link, new() { Name = fileName, Exact = true });

    public async Task FillCommentAsync(string comment) => await page.GetByLabel(t["claimFinish.commentLabel"]).FillAsync(comment);

    public async Task SubmitAsync() => await page.GetByRole(AriaRole.Button, new() { Name = t["claim.submit"], Exact = true }).ClickAsync();
}
