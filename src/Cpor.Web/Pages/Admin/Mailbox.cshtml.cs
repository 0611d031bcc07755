using Cpor.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Cpor.Web.Pages.Admin;

/// <summary>
/// The e-mails written to the pickup folder when no SMTP relay is configured (program admins): the
/// newest listed, one read with its links, so a demo's e-mails can be followed in the browser.
/// </summary>
public sealed class MailboxModel(SentMail mail) : CporPageModel
{
    [FromQuery(Name = "id")]
    public string? MessageId { get; set; }

    public bool InUse => mail.InUse;

    public string Folder => mail.Folder;

    public string SmtpHost => mail.SmtpHost;

    public IReadOnlyList<SentMailEntry> Messages { get; private set; } = [];

    public SentMailMessage? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (MessageId is not null)
        {
            Message = await mail.FindAsync(MessageId, ct);
            return Message is null ? NotFound() : Page();
        }

        Messages = await mail.LatestAsync(ct);
        return Page();
    }
}
