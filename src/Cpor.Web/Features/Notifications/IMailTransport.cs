using MimeKit;

namespace Cpor.Web.Features.Notifications;

/// <summary>Hands one e-mail to the outside world. Throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage mail, CancellationToken ct);
}
