namespace Cpor.Domain;

/// <summary>
/// The two kinds of text people type: a one-line value (a name, a label) and a comment (a
/// review comment, a reason, a justification). One rule each, wherever the text comes from.
/// </summary>
public static class FreeText
{
    /// <summary>A one-line value: names, titles, labels.</summary>
    public const int MaxLineLength = 200;

    /// <summary>A comment, reason or justification, which may span lines.</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>A one-line value fits: at most <see cref="MaxLineLength"/> characters, none of them a control character.</summary>
    public static bool IsValidLine(string value) => value.Length <= MaxLineLength && !value.Any(char.IsControl);

    /// <summary>
    /// A comment: at most <see cref="MaxCommentLength"/> characters, no control characters but
    /// line breaks and tabs; blank counts as missing.
    /// </summary>
    public static DomainError? CommentError(string? text, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? new DomainError(ErrorCodes.ValueRequired, field) : null;
        }

        if (text.Length > MaxCommentLength)
        {
            return new DomainError(ErrorCodes.ValueTooLong, field, MaxCommentLength);
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new DomainError(ErrorCodes.ValueInvalid, field)
            : null;
    }
}
