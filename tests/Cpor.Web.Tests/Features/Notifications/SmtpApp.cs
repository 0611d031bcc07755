using System.Globalization;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Notifications;

/// <summary>The product sending its e-mails to an <see cref="SmtpSink"/>; the test runs the dispatcher's passes itself.</summary>
public sealed class SmtpApp : ApiFixture
{
    public SmtpSink Sink { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cpor:Notifications:Smtp:Host"] = "127.0.0.1",
        ["Cpor:Notifications:Smtp:Port"] = Sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Cpor:Notifications:RetryBaseSeconds"] = "60",
        ["Cpor:Notifications:MaxAttempts"] = "3",
        ["Cpor:PublicBaseUrl"] = "https://cpor.test",
    };

    public Task<DispatchReport> DispatchAsync() => Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Sink.Dispose();
        }

        base.Dispose(disposing);
    }
}
