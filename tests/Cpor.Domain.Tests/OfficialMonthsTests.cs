namespace Cpor.Domain.Tests;

public class OfficialMonthsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_AnActiveAssociation_RunsFromTheMonthItBecameActiveToThisMonth()
    {
        var association = Officials.Active(TestData.SalesInput(), new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new OfficialMonths(new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 1)), OfficialMonths.Of(association, Now));
    }

    [Fact]
    public void Of_AnEndedAssociation_StopsAtTheMonthItEnded()
    {
        var association = Officials.Ended(TestData.SalesInput(), new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new OfficialMonths(new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1)), OfficialMonths.Of(association, Now));
    }

    [Fact]
    public void Of_AnAssociationThatNeverBecameActive_IsNull()
    {
        var claim = TestData.Submitted(TestData.Monday);
        Assert.Null(claim.StartReview(TestData.Ctx(TestData.Reviewer, TestData.Monday)));
        Assert.Null(claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, TestData.Monday)));

        Assert.Null(OfficialMonths.Of(claim.Associations.Single(), TestData.Monday.AddDays(1)));
    }

    [Theory]
    [InlineData("2025-01", "2026-04", "2026-02", "2026-04")]
    [InlineData("2026-03", "2027-12", "2026-03", "2026-11")]
    [InlineData("2025-01", "2027-12", "2026-02", "2026-11")]
    [InlineData("2026-11", "2026-11", "2026-11", "2026-11")]
    public void Within_KeepsThePartOfThePeriodThatIsOfficial(string from, string to, string first, string last)
    {
        var official = new OfficialMonths(Month("2026-02"), Month("2026-11"));

        Assert.Equal(new OfficialMonths(Month(first), Month(last)), official.Within(Month(from), Month(to)));
    }

    [Theory]
    [InlineData("2025-01", "2026-01")]
    [InlineData("2026-12", "2027-03")]
    public void Within_APeriodOutsideTheOfficialMonths_IsNull(string from, string to)
    {
        Assert.Null(new OfficialMonths(Month("2026-02"), Month("2026-11")).Within(Month(from), Month(to)));
    }

    private static DateOnly Month(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
