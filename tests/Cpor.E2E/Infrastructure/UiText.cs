using System.Globalization;
using System.Resources;

namespace Cpor.E2E.Infrastructure;

/// <summary>
/// The UI's own strings (Resources/UiText.resx of the product), so that page objects find buttons
/// and fields by the label a person reads, in the language of the test.
/// </summary>
public sealed class UiText(string language)
{
    private static readonly ResourceManager Resources = new("Cpor.Web.Resources.UiText", typeof(Program).Assembly);
    private static readonly ResourceManager Errors = new("Cpor.Web.Resources.ErrorMessages", typeof(Program).Assembly);

    public string Language { get; } = language;

    public string this[string key] =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(Language)) ?? throw new KeyNotFoundException($"UiText has no {key}");

    public string Format(string key, params object[] args) => string.Format(CultureInfo.GetCultureInfo(Language), this[key], args);

    /// <summary>The form of a counted text (<c>key.one</c> / <c>key.other</c>) that <paramref name="count"/> takes, as the product chooses it.</summary>
    public string Plural(string key, long count, params object[] args) =>
        Format(key + "." + Cpor.Web.Infrastructure.Plurals.Category(count, 0, CultureInfo.GetCultureInfo(Language)), args);

    public string Error(string key) =>
        Errors.GetString(key, CultureInfo.GetCultureInfo(Language)) ?? throw new KeyNotFoundException($"ErrorMessages has no {key}");
}
