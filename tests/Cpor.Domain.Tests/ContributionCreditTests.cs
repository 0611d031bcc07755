namespace Cpor.Domain.Tests;

public class ContributionCreditTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Activity.Usage, CreditBasis.Usage)]
    [InlineData(Activity.RevenueAssociation, CreditBasis.Revenue)]
    [InlineData(Activity.PreSales, CreditBasis.None)]
    public void BasisFor_EachActivity_FollowsTheContributionIndicators(Activity activity, CreditBasis basis) =>
        Assert.Equal(basis, ContributionCredit.BasisFor(activity));

    [Theory]
    [InlineData(Activity.Usage, UnitKind.Workload, CreditMeasure.ActiveUsers)]
    [InlineData(Activity.Usage, UnitKind.Subscription, CreditMeasure.SeatsAssigned)]
    [InlineData(Activity.RevenueAssociation, UnitKind.Subscription, CreditMeasure.SeatsPurchased)]
    [InlineData(Activity.PreSales, UnitKind.Subscription, null)]
    public void MeasureFor_ReadsWhatThePartnerCanSee(Activity activity, UnitKind unit, CreditMeasure? measure) =>
        Assert.Equal(measure, ContributionCredit.MeasureFor(activity, unit));

    [Fact]
    public void Compute_UsageWorkload_CreditsGrowthFromTheMonthBeforeActivationToTheLatestMonth()
    {
        var association = Officials.Active(TestData.M365Input()); // official in March 2026

        var credit = ContributionCredit.Compute(association, Series(("2026-01", 80), ("2026-02", 100), ("2026-03", 110), ("2026-10", 250)), [], Now);

        Assert.Equal(CreditBasis.Usage, credit.Basis);
        Assert.Equal(new DateOnly(2026, 2, 1), credit.BaselineMonth);
        Assert.Equal(100, credit.BaselineValue);
        Assert.Equal(new DateOnly(2026, 10, 1), credit.MeasuredMonth);
        Assert.Equal(250, credit.MeasuredValue);
        Assert.Equal(150, credit.ActiveUsageGrowth);
        Assert.Equal(0, credit.NewDeployments);
        Assert.Equal((0, 0), (credit.NetNewSeats, credit.NetCustomerAdds));
    }

    [Fact]
    public void Compute_UsageFromNothing_IsANewDeployment()
    {
        var credit = ContributionCredit.Compute(Officials.Active(TestData.M365Input()), Series(("2026-04", 40)), [], Now);

        Assert.Equal(1, credit.NewDeployments);
        Assert.Equal(40, credit.ActiveUsageGrowth);
        Assert.Equal(0, credit.BaselineValue);
    }

    [Fact]
    public void Compute_UsageThatDeclined_CreditsNoNegativeGrowth()
    {
        var credit = ContributionCredit.Compute(Officials.Active(TestData.M365Input()), Series(("2026-02", 300), ("2026-09", 200)), [], Now);

        Assert.Equal(0, credit.ActiveUsageGrowth);
        Assert.Equal(200, credit.MeasuredValue);
    }

    [Fact]
    public void Compute_BaselineMonthMissing_UsesTheLatestEarlierMonth()
    {
        var credit = ContributionCredit.Compute(Officials.Active(TestData.M365Input()), Series(("2025-11", 60), ("2026-06", 90)), [], Now);

        Assert.Equal(60, credit.BaselineValue);
        Assert.Equal(30, credit.ActiveUsageGrowth);
    }

    [Fact]
    public void Compute_NothingMeasuredSinceActivation_CreditsNothing()
    {
        var credit = ContributionCredit.Compute(Officials.Active(TestData.M365Input()), Series(("2026-02", 70)), [], Now);

        Assert.Null(credit.MeasuredMonth);
        Assert.Equal((0, 0), (credit.NewDeployments, credit.ActiveUsageGrowth));
    }

    [Fact]
    public void Compute_Revenue_CreditsNetNewPaidSeatsAndANetCustomerAddFromZero()
    {
        var association = Officials.Active(Officials.Revenue());

        var grown = ContributionCredit.Compute(association, Series(("2026-02", 20), ("2026-08", 65)), [], Now);
        var added = ContributionCredit.Compute(association, Series(("2026-05", 12)), [], Now);

        Assert.Equal(CreditBasis.Revenue, grown.Basis);
        Assert.Equal((45, 0), (grown.NetNewSeats, grown.NetCustomerAdds));
        Assert.Equal((12, 1), (added.NetNewSeats, added.NetCustomerAdds));
        Assert.Equal((0, 0), (grown.NewDeployments, grown.ActiveUsageGrowth));
    }

    [Fact]
    public void Compute_PreSales_EarnsNoCredit()
    {
        var credit = ContributionCredit.Compute(Officials.Active(Officials.PreSales()), Series(("2026-02", 1), ("2026-09", 500)), ["org-digital"], Now);

        Assert.Equal(CreditBasis.None, credit.Basis);
        Assert.Null(credit.Measure);
        Assert.Equal((0, 0, 0, 0), (credit.NewDeployments, credit.ActiveUsageGrowth, credit.NetNewSeats, credit.NetCustomerAdds));
        Assert.False(credit.OutranksDigitalPartner);
    }

    [Fact]
    public void Compute_EndedAssociation_IgnoresMonthsAfterItEnded()
    {
        var association = Officials.Ended(TestData.M365Input(), new DateTimeOffset(2026, 6, 20, 0, 0, 0, TimeSpan.Zero));

        var credit = ContributionCredit.Compute(association, Series(("2026-02", 100), ("2026-06", 130), ("2026-07", 900)), [], Now);

        Assert.Equal(new DateOnly(2026, 6, 1), credit.MeasuredMonth);
        Assert.Equal(30, credit.ActiveUsageGrowth);
    }

    [Fact]
    public void Compute_MonthsAfterNow_DoNotCount()
    {
        var credit = ContributionCredit.Compute(Officials.Active(TestData.M365Input()), Series(("2026-02", 100), ("2026-11", 120), ("2026-12", 999)), [], Now);

        Assert.Equal(20, credit.ActiveUsageGrowth);
    }

    [Fact]
    public void Compute_DigitalPartnerOfAnotherOrganisation_IsOutrankedByTheClaimedPartner()
    {
        var credit = ContributionCredit.Compute(Officials.Active(TestData.SalesInput()), Series(("2026-02", 10), ("2026-05", 30)), ["org-digital"], Now);

        Assert.True(credit.OutranksDigitalPartner);
        Assert.Equal("org-digital", credit.DigitalPartnerOrgId);
        Assert.Equal(20, credit.ActiveUsageGrowth); // the claimed partner keeps the credit
    }

    [Fact]
    public void Compute_DigitalPartnerIsTheSameOrganisation_OutranksNobody()
    {
        var credit = ContributionCredit.Compute(Officials.Active(TestData.SalesInput()), Series(("2026-05", 30)), ["org-a"], Now);

        Assert.False(credit.OutranksDigitalPartner);
        Assert.Null(credit.DigitalPartnerOrgId);
    }

    private static MonthlyValue[] Series(params (string Month, int Value)[] values) =>
        [.. values.Select(v => new MonthlyValue(DateOnly.ParseExact(v.Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.Value))];
}
