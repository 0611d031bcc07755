using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Cpor.Domain;

namespace Cpor.Web.Tests.Resources;

/// <summary>Every string a person sees exists in English, French and Italian.</summary>
public class LocalizationTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    public static TheoryData<string> ResourceNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Web.GetManifestResourceNames().Where(n => n.StartsWith("Cpor.Web.Resources.", StringComparison.Ordinal) && n.EndsWith(".resources", StringComparison.Ordinal)))
        {
            data.Add(name[..^".resources".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void EveryKey_HasAFrenchAndItalianValue(string baseName)
    {
        var manager = new ResourceManager(baseName, Web);
        var english = Entries(manager, CultureInfo.InvariantCulture);
        Assert.NotEmpty(english);

        foreach (var language in new[] { "fr", "it" })
        {
            var translated = Entries(manager, CultureInfo.GetCultureInfo(language));
            var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
            Assert.True(missing.Count == 0, $"{baseName} [{language}] misses: {string.Join(", ", missing)}");
            var extra = translated.Keys.Except(english.Keys).ToList();
            Assert.True(extra.Count == 0, $"{baseName} [{language}] has keys English lacks: {string.Join(", ", extra)}");
        }
    }

    [Fact]
    public void EveryErrorCode_HasATitleAndDetailInEachLanguage_ThatAreTranslated()
    {
        var codes = ErrorCodes.All.Keys.ToList();
        var manager = new ResourceManager("Cpor.Web.Resources.ErrorMessages", Web);
        var english = Entries(manager, CultureInfo.InvariantCulture);

        foreach (var code in codes)
        {
            Assert.True(english.ContainsKey(code), $"no title for {code}");
            Assert.True(english.ContainsKey(code + ".detail"), $"no detail for {code}");
        }

        foreach (var language in new[] { "fr", "it" })
        {
            var translated = Entries(manager, CultureInfo.GetCultureInfo(language));
            var missing = codes.Where(c => !translated.ContainsKey(c) || !translated.ContainsKey(c + ".detail")).ToList();
            Assert.True(missing.Count == 0, $"[{language}] no title or detail for: {string.Join(", ", missing)}");
            var untranslated = codes.Where(c => translated[c] == english[c]).ToList();
            Assert.True(untranslated.Count == 0, $"[{language}] titles still in English: {string.Join(", ", untranslated)}");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("it")]
    public void EveryActionAndEditScope_InsideAnErrorSentence_IsWordedNotAnIdentifier(string language)
    {
        var manager = new ResourceManager("Cpor.Web.Resources.ErrorMessages", Web);
        var culture = CultureInfo.GetCultureInfo(language);
        var keys = Enum.GetNames<ClaimAction>().Select(a => "ClaimAction." + a)
            .Concat(Enum.GetNames<EditScope>().Select(s => "EditScope." + s))
            .Append("ClaimEventKind." + ClaimEventKind.DisputeWindowClosed);

        var missing = keys.Where(k => string.IsNullOrWhiteSpace(manager.GetString(k, culture))).ToList();

        Assert.True(missing.Count == 0, $"[{language}] ErrorMessages lacks: {string.Join(", ", missing)}");
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }
}
