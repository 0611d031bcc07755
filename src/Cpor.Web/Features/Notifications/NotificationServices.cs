using Cpor.Web.Data;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Notifications;

/// <summary>E-mail notifications (CPOR.md §8): the outbox writer, the dispatcher and its transports.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<IClaimEventObserver, OutboxWriter>();
        services.AddSingleton<EmailComposer>();
        services.AddScoped<NotificationFanOut>();
        services.AddScoped<NotificationSender>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<SentMail>();
        // With an SMTP host configured, mail goes to it; otherwise to the pickup folder.
        services.AddSingleton<IMailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Smtp.Host)
                ? sp.GetRequiredService<PickupFolderTransport>()
                : sp.GetRequiredService<SmtpTransport>());
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationService>();
        return services;
    }
}
