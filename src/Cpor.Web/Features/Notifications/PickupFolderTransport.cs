using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Notifications;

/// <summary>
/// The default transport when no SMTP relay is configured: one .eml file per e-mail in the pickup
/// folder (what IIS, Postfix's maildrop and most test tools read). The file is named after the
/// Message-ID and written whole before it appears, so a retry replaces it rather than adding a
/// second copy.
/// </summary>
public sealed class PickupFolderTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    public async Task SendAsync(MailEnvelope mail, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Value.PickupPath);
        System.IO.Directory.CreateDirectory(folder);
        var name = new string(mail.MessageId.Trim('<', '>').Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        var target = Path.Combine(folder, name + ".eml");
        var temporary = Path.Combine(folder, "." + name + "." + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllBytesAsync(temporary, mail.ToMime(), ct);
        File.Move(temporary, target, overwrite: true);
    }
}
