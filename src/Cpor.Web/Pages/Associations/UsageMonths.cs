using System.Globalization;

namespace Cpor.Web.Pages.Associations;

/// <summary>Months as the API writes them (<c>yyyy-MM</c>), shown as the page's culture names them.</summary>
public static class UsageMonths
{
    /// <summary>"October 2026", "octobre 2026", "ottobre 2026"; the text itself when it is not a month.</summary>
    public static string Name(string? month) =>
        month is not null && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("MMMM yyyy", CultureInfo.CurrentCulture)
            : month ?? "";
}
