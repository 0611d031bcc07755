using System.Globalization;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Tests.Pages;

public class PluralsTests
{
    [Theory]
    [InlineData("en", 0, 0, "other")]
    [InlineData("en", 1, 0, "one")]
    [InlineData("en", 1, 1, "other")]
    [InlineData("en", 2, 0, "other")]
    [InlineData("fr", 0, 0, "one")]
    [InlineData("fr", 1, 0, "one")]
    [InlineData("fr", 1.5, 1, "one")]
    [InlineData("fr", 2, 0, "other")]
    [InlineData("it", 0, 0, "other")]
    [InlineData("it", 1, 0, "one")]
    [InlineData("it", 1, 1, "other")]
    [InlineData("it", 3, 0, "other")]
    public void Category_ByLanguageAndNumber_FollowsTheLanguagesRule(string language, double count, int decimals, string expected) =>
        Assert.Equal(expected, Plurals.Category((decimal)count, decimals, CultureInfo.GetCultureInfo(language)));
}
