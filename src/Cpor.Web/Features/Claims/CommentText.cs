using System.Globalization;
using System.Resources;
using Cpor.Domain;
using Cpor.Web.Resources;

namespace Cpor.Web.Features.Claims;

/// <summary>
/// The words of a comment for one reader: what a person typed, as typed; a system text (a
/// <see cref="ClaimComment.TextKey"/> and its arguments, from UiText) in the reader's language.
/// Pages and the API read it in the request's culture, e-mails in the recipient's.
/// </summary>
public static class CommentText
{
    private static readonly ResourceManager Texts = new(typeof(UiText));

    /// <summary>The English words the arbitration notice was stored as before comments kept keys (migration 0030); old history lines still carry them.</summary>
    public const string LegacyArbitrationNotice =
        "Arbitration is under way: another partner claims the same workload or subscription. "
        + "Reviewers compare the proof of execution of both claims before deciding.";

    public static string Render(string key, IReadOnlyList<string> args, CultureInfo culture)
    {
        // A missing translation falls back to English rather than showing the key.
        var template = Texts.GetString(key, culture) ?? key;
        return args.Count == 0 ? template : string.Format(culture, template, [.. args]);
    }

    public static string Of(ClaimComment comment, CultureInfo culture) =>
        comment.TextKey is { } key ? Render(key, comment.TextArgs, culture) : comment.Body;

    /// <summary>The comment of a history line, or null when it has none.</summary>
    public static string? Of(ClaimEvent e, CultureInfo culture) =>
        KeyOf(e) is { } key ? Render(key, e.CommentArgs, culture) : e.Comment;

    /// <summary>The system text key of a history line's comment, also for lines written before keys were stored.</summary>
    public static string? KeyOf(ClaimEvent e) =>
        e.CommentKey ?? (e.ActorKind == ActorKind.System && e.Comment == LegacyArbitrationNotice ? Review.Arbitration.NoticeKey : null);
}
