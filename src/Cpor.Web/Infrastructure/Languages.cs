using System.Globalization;

namespace Cpor.Web.Infrastructure;

/// <summary>The languages the product speaks (CPOR.md §11).</summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "fr", "it"];

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language);

    /// <summary>The culture for a person's stored language, English when unknown.</summary>
    public static CultureInfo CultureOf(string? language) => CultureInfo.GetCultureInfo(IsSupported(language) ? language! : Default);
}
