using Cpor.Domain;

namespace Cpor.Web.Features.Review;

/// <summary>Reason names as the API spells them; anything else (other case, numbers) is <c>reason_invalid</c>.</summary>
public static class ReviewReasons
{
    public static bool TryParse<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        parsed = default;
        var text = value?.Trim();
        return !string.IsNullOrEmpty(text)
            && !text.Any(char.IsDigit)
            && Enum.TryParse(text, ignoreCase: false, out parsed)
            && Enum.IsDefined(parsed);
    }

    public static DomainError Invalid(string field, string? value) =>
        new(ErrorCodes.ReasonInvalid, field, (value ?? "").Length > 60 ? value![..60] : value ?? "");
}
