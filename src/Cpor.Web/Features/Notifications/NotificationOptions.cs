namespace Cpor.Web.Features.Notifications;

/// <summary>Settings of section <c>Cpor:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Cpor:Notifications";

    /// <summary>Runs the dispatcher in this process. The outbox is written either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for work, in seconds.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Where .eml files go when no SMTP host is configured.</summary>
    public string PickupPath { get; set; } = ".data/mail";

    public string FromAddress { get; set; } = "no-reply@cpor.example";

    public string FromName { get; set; } = "CPOR";

    /// <summary>Attempts per e-mail before the dispatcher gives up on it (it stays in the table, marked failed).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; doubles with each further failure.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>Longest wait between two attempts.</summary>
    public int RetryMaxSeconds { get; set; } = 6 * 60 * 60;

    /// <summary>
    /// Days delivered (or abandoned) e-mails are kept before housekeeping deletes them; the claim's
    /// history keeps what happened, this table only how it was told.
    /// </summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>E-mails sent per dispatcher pass at most, so that one pass stays short.</summary>
    public int BatchSize { get; set; } = 200;

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>An SMTP relay; when <see cref="Host"/> is empty, e-mails are written to the pickup folder instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>SMTP AUTH credentials (the strongest mechanism the relay offers); none when empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS before authenticating.</summary>
    public bool UseStartTls { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The name this server gives in EHLO.</summary>
    public string HeloName { get; set; } = "cpor.localhost";
}
