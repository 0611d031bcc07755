using System.Net;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cpor.Web.Tests.Pages;

/// <summary>The standard world with e-mails going to a pickup folder of its own.</summary>
public sealed class MailboxFixture : UiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cpor:Notifications:PickupPath"] = FilesFolder("mail") };

    /// <summary>Writes an e-mail as the dispatcher would, through the pickup transport.</summary>
    public async Task<string> WriteAsync(string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = Guid.NewGuid().ToString("N") + "@cpor.test", Date = Clock.Now };
        message.From.Add(new MailboxAddress("CPOR", "no-reply@cpor.example"));
        message.To.Add(MailboxAddress.Parse("pat@contoso.test"));
        message.Headers.Add(HeaderId.ContentLanguage, "fr");
        message.Body = new TextPart("plain") { Text = text };
        await Services.GetRequiredService<PickupFolderTransport>().SendAsync(message, CancellationToken.None);
        return message.MessageId.Replace('@', '_');
    }
}

public class MailboxPageTests(MailboxFixture app) : IClassFixture<MailboxFixture>
{
    [Fact]
    public async Task Mailbox_ForAProgramAdmin_ListsThePickedUpEmailsAndOpensOneWithItsLinks()
    {
        var id = await app.WriteAsync("[CPOR] Réclamation approuvée", "Bonjour,\r\n\r\nOuvrez http://127.0.0.1:5080/Partner/Claims/c-1 pour la voir.\r\n");
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);

        var list = await browser.GetPageAsync("/Admin/Mailbox");
        var link = list.QuerySelectorAll("table.mailbox a").Single(a => a.TextContent == "[CPOR] Réclamation approuvée");
        var message = await browser.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal($"/Admin/Mailbox?id={id}", link.GetAttribute("href"));
        Assert.Contains("Ouvrez http://127.0.0.1:5080/Partner/Claims/c-1 pour la voir.", message.QuerySelector("pre.mail-text")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["http://127.0.0.1:5080/Partner/Claims/c-1"], message.QuerySelectorAll(".mail-links a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(list.QuerySelector("nav a[href='/Admin/Mailbox']"));
    }

    [Theory]
    [InlineData("../appsettings")]
    [InlineData("does-not-exist")]
    public async Task Mailbox_ForAnIdThatNamesNoEmail_IsNotFound(string id)
    {
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);

        var response = await browser.GetAsync("/Admin/Mailbox?id=" + Uri.EscapeDataString(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Mailbox_ForAPartnersGlobalAdmin_IsAccessDenied()
    {
        var browser = await app.BrowserAsync(World.ContosoGlobal);

        UiClient.AssertAccessDenied(await browser.GetAsync("/Admin/Mailbox"));
    }
}
