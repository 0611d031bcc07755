namespace Cpor.Web.Features.Notifications;

/// <summary>The receiving side said no. <see cref="Permanent"/> (a 5xx reply) means retrying will not help.</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
