using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Texts about a number of things: each such text has a <c>key.one</c> and a <c>key.other</c> form
/// in every language, and the number chooses, by the language's own rule (CLDR): English and
/// Italian say "one" for exactly 1 written without decimals; French for 0 and 1, decimals too
/// ("0,5 heure", "1,0 heure").
/// </summary>
public static class Plurals
{
    public static string Category(decimal count, int visibleDecimals, CultureInfo culture)
    {
        var whole = decimal.Truncate(Math.Abs(count));
        return culture.TwoLetterISOLanguageName switch
        {
            "fr" => whole <= 1 ? "one" : "other",
            _ => whole == 1 && visibleDecimals == 0 && count == whole ? "one" : "other",
        };
    }

    /// <summary>The form of <paramref name="key"/> for a whole <paramref name="count"/>, in the current UI culture.</summary>
    public static LocalizedString Plural(this IStringLocalizer text, string key, long count, params object[] args) =>
        text[key + "." + Category(count, 0, CultureInfo.CurrentUICulture), args];

    /// <summary>The form of <paramref name="key"/> for a number shown with <paramref name="visibleDecimals"/> decimals.</summary>
    public static LocalizedString Plural(this IStringLocalizer text, string key, double count, int visibleDecimals, params object[] args) =>
        text[key + "." + Category((decimal)Math.Round(count, visibleDecimals), visibleDecimals, CultureInfo.CurrentUICulture), args];
}
