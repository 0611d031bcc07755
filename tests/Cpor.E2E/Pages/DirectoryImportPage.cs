using System.Text;
using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The program admin's directory import: files, upload progress, per-line report.</summary>
public sealed class DirectoryImportPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Admin/Directory");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["import.title"], Level = 1 });

    public async Task ChooseFileAsync(string fileName, string content) =>
        await page.GetByLabel(t["import.files"], new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/x-ndjson", Buffer = Encoding.UTF8.GetBytes(content) });

    public async Task ImportAsync() => await page.GetByRole(AriaRole.Button, new() { Name = t["import.submit"], Exact = true }).ClickAsync();

    public ILocator Progress => page.GetByRole(AriaRole.Progressbar, new() { Name = t["import.progress"], Exact = true });

    public ILocator Summary(long accepted, long refused) => page.GetByText(t.Format("import.summary", t.Plural("import.accepted", accepted, accepted), t.Plural("import.refused", refused, refused)));

    public ILocator RejectedLines => page.GetByRole(AriaRole.Table, new() { Name = t["import.rejectedLines"] });
}
