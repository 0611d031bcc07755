using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cpor.Web.Features.Notifications;

/// <summary>One e-mail written to the pickup folder, as its list shows it.</summary>
public sealed record SentMailEntry(string Id, DateTimeOffset WrittenAt, string From, string To, string Subject, string? Language);

/// <summary>One e-mail read whole: its text as the recipient reads it and the links in it.</summary>
public sealed record SentMailMessage(SentMailEntry Entry, string Text, IReadOnlyList<string> Links);

/// <summary>
/// What was "sent" when no SMTP relay is configured (the demo, a developer's machine): the .eml
/// files <see cref="PickupFolderTransport"/> wrote, newest first, read back with MimeKit so people
/// can follow the links without a mail client.
/// </summary>
public sealed partial class SentMail(IOptions<NotificationOptions> options)
{
    /// <summary>The e-mails of a page at the most: the folder keeps every e-mail, the page the newest.</summary>
    public const int MaxListed = 100;

    /// <summary>E-mails go to the pickup folder (no SMTP host): there is something to read here.</summary>
    public bool InUse => string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    /// <summary>The relay e-mails go to when one is configured.</summary>
    public string SmtpHost => options.Value.Smtp.Host ?? "";

    public string Folder => Path.GetFullPath(options.Value.PickupPath);

    public async Task<IReadOnlyList<SentMailEntry>> LatestAsync(CancellationToken ct)
    {
        if (!InUse || !System.IO.Directory.Exists(Folder))
        {
            return [];
        }

        var entries = new List<SentMailEntry>();
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(MaxListed))
        {
            if (await LoadAsync(file, ct) is { } message)
            {
                entries.Add(EntryOf(file, message));
            }
        }

        return entries;
    }

    /// <summary>The e-mail of that id (its file name without .eml), or null when there is none.</summary>
    public async Task<SentMailMessage?> FindAsync(string? id, CancellationToken ct)
    {
        // Ids are file names the transport made (letters, digits, '.', '-', '_'): nothing else reaches the disk.
        if (!InUse || id is null || !SafeId().IsMatch(id))
        {
            return null;
        }

        var file = new FileInfo(Path.Combine(Folder, id + ".eml"));
        if (!file.Exists || await LoadAsync(file, ct) is not { } message)
        {
            return null;
        }

        var text = message.TextBody ?? "";
        return new SentMailMessage(EntryOf(file, message), text, [.. Link().Matches(text).Select(m => m.Value).Distinct()]);
    }

    private static async Task<MimeMessage?> LoadAsync(FileInfo file, CancellationToken ct)
    {
        try
        {
            return await MimeMessage.LoadAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return null; // being replaced by a retry, or not an e-mail: not listed
        }
    }

    private static SentMailEntry EntryOf(FileInfo file, MimeMessage message) => new(
        Path.GetFileNameWithoutExtension(file.Name),
        message.Date == default ? new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero) : message.Date,
        message.From.ToString(),
        message.To.ToString(),
        message.Subject ?? "",
        message.Headers[HeaderId.ContentLanguage]);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,200}$")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
