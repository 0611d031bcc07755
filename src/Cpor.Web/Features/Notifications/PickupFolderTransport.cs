using Microsoft.Extensions.Options;
using MimeKit;

namespace Cpor.Web.Features.Notifications;

/// <summary>
/// The default transport when no SMTP relay is configured: one .eml file per e-mail in the pickup
/// folder (what IIS, Postfix's maildrop and most test tools read), CRLF line ends as on the wire.
/// The file is named after the Message-ID and written whole before it appears, so a retry
/// replaces it rather than adding a second copy.
/// </summary>
public sealed class PickupFolderTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    private static readonly FormatOptions Format = WireFormat();

    public async Task SendAsync(MimeMessage mail, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Value.PickupPath);
        System.IO.Directory.CreateDirectory(folder);
        var id = mail.MessageId ?? throw new ArgumentException("The e-mail has no Message-ID to name its file after.", nameof(mail));
        var name = new string(id.Trim('<', '>').Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        var target = Path.Combine(folder, name + ".eml");
        var temporary = Path.Combine(folder, "." + name + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var file = File.Create(temporary))
            {
                await mail.WriteToAsync(Format, file, ct);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing left when the move happened
        }
    }

    private static FormatOptions WireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
