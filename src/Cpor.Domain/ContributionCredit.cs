namespace Cpor.Domain;

/// <summary>What a partner contribution credit rewards (CPOR.md §10).</summary>
public enum CreditBasis
{
    /// <summary>Pre-sales: earns no partner contribution credit.</summary>
    None,

    /// <summary>Usage (OSU) association: new deployments and monthly active usage growth.</summary>
    Usage,

    /// <summary>Revenue (OSA) association: net new revenue and net customer adds.</summary>
    Revenue,
}

/// <summary>The monthly series a credit is measured on.</summary>
public enum CreditMeasure
{
    /// <summary>Active users of a Microsoft 365 workload.</summary>
    ActiveUsers,

    /// <summary>Seats assigned on a subscription: the users actually deployed.</summary>
    SeatsAssigned,

    /// <summary>Seats purchased on a subscription: paid seats, the directory's measure of revenue.</summary>
    SeatsPurchased,
}

/// <summary>One month's value of a unit's measure.</summary>
public sealed record MonthlyValue(DateOnly Month, int Value);

/// <summary>
/// The partner contribution credit of one association, as measured now. Every count is zero or
/// more; the fields of the other basis stay zero.
/// </summary>
/// <param name="Basis">What the association is credited for.</param>
/// <param name="Measure">The monthly series read; null for pre-sales.</param>
/// <param name="BaselineMonth">The last month before the association became official.</param>
/// <param name="BaselineValue">The measure at the baseline (the latest value at or before it; zero when none).</param>
/// <param name="MeasuredMonth">The latest month with a value while the association held the unit; null when none yet.</param>
/// <param name="MeasuredValue">The measure at <paramref name="MeasuredMonth"/>.</param>
/// <param name="NewDeployments">Usage: 1 when the unit went from no use at the baseline to some use.</param>
/// <param name="ActiveUsageGrowth">Usage: growth of the measure since the baseline.</param>
/// <param name="NetNewSeats">Revenue: growth of the paid seats since the baseline.</param>
/// <param name="NetCustomerAdds">Revenue: 1 when the customer had no paid seat at the baseline and has some now.</param>
/// <param name="OutranksDigitalPartner">A digital partner of record of another organisation is linked to the unit, and this claimed partner of record takes the credit.</param>
/// <param name="DigitalPartnerOrgId">That digital partner of record's organisation.</param>
public sealed record CreditResult(
    CreditBasis Basis,
    CreditMeasure? Measure,
    DateOnly? BaselineMonth,
    int BaselineValue,
    DateOnly? MeasuredMonth,
    int MeasuredValue,
    int NewDeployments,
    int ActiveUsageGrowth,
    int NetNewSeats,
    int NetCustomerAdds,
    bool OutranksDigitalPartner,
    string? DigitalPartnerOrgId);

/// <summary>
/// Partner contribution credit (CPOR.md §10; docs/decisions/0007-eligibility-and-credit.md). The
/// credit compares the unit's monthly measure at the baseline — the month before the association
/// became official — with its latest value while the association held the unit:
/// <list type="bullet">
/// <item>Usage: a new deployment when the measure went from zero to more, and the growth of the measure.</item>
/// <item>Revenue: the growth of paid seats (net new revenue) and a net customer add when paid seats went from zero to more.</item>
/// <item>Pre-sales: nothing.</item>
/// </list>
/// Where a digital partner of record is linked to the same unit, the claimed partner of record
/// outranks it and keeps the credit.
/// </summary>
public static class ContributionCredit
{
    public static CreditBasis BasisFor(Activity activity) => activity switch
    {
        Activity.Usage => CreditBasis.Usage,
        Activity.RevenueAssociation => CreditBasis.Revenue,
        Activity.PreSales => CreditBasis.None,
    };

    /// <summary>
    /// The series a credit reads: users for a workload; for a subscription the seats the partner can
    /// see (CPOR.md §9) — assigned seats for usage, purchased (paid) seats for revenue.
    /// </summary>
    public static CreditMeasure? MeasureFor(Activity activity, UnitKind unit) => (BasisFor(activity), unit) switch
    {
        (CreditBasis.None, _) => null,
        (CreditBasis.Usage, UnitKind.Workload) => CreditMeasure.ActiveUsers,
        (CreditBasis.Usage, UnitKind.Subscription) => CreditMeasure.SeatsAssigned,
        (CreditBasis.Revenue, _) => CreditMeasure.SeatsPurchased,
    };

    /// <summary>The month before the one the association became official in.</summary>
    public static DateOnly? BaselineMonthOf(Association association) =>
        association.ActiveFrom is { } from ? MonthOf(from).AddMonths(-1) : null;

    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);

    /// <param name="association">An Active or Ended association.</param>
    /// <param name="series">The unit's values of <see cref="MeasureFor"/>, any order, one per month.</param>
    /// <param name="digitalPartnerOrgIds">Organisations linked to the unit as digital partner of record.</param>
    /// <param name="now">Months after now, or after the association ended, do not count.</param>
    public static CreditResult Compute(Association association, IReadOnlyList<MonthlyValue> series, IReadOnlyCollection<string> digitalPartnerOrgIds, DateTimeOffset now)
    {
        var basis = BasisFor(association.Activity);
        var measure = MeasureFor(association.Activity, association.UnitKind);
        var digital = digitalPartnerOrgIds.Where(o => o != association.PartnerOrgId).Order(StringComparer.Ordinal).FirstOrDefault();
        var outranks = basis != CreditBasis.None && digital is not null;
        var baselineMonth = BaselineMonthOf(association);
        if (baselineMonth is not { } baseline)
        {
            // Never official: nothing to measure.
            return new CreditResult(basis, measure, null, 0, null, 0, 0, 0, 0, 0, outranks, outranks ? digital : null);
        }

        // A baseline means the association became Active: it has official months.
        var lastMonth = OfficialMonths.Of(association, now)!.Last;
        var before = series.Where(v => v.Month <= baseline).MaxBy(v => v.Month);
        var latest = series.Where(v => v.Month > baseline && v.Month <= lastMonth).MaxBy(v => v.Month);
        var baselineValue = Math.Max(0, before?.Value ?? 0);
        var measuredValue = Math.Max(0, latest?.Value ?? baselineValue);
        var growth = Math.Max(0, measuredValue - baselineValue);
        var fromNothing = latest is not null && baselineValue == 0 && measuredValue > 0 ? 1 : 0;
        return basis switch
        {
            CreditBasis.Usage => new CreditResult(basis, measure, baseline, baselineValue, latest?.Month, measuredValue, fromNothing, growth, 0, 0, outranks, outranks ? digital : null),
            CreditBasis.Revenue => new CreditResult(basis, measure, baseline, baselineValue, latest?.Month, measuredValue, 0, 0, growth, fromNothing, outranks, outranks ? digital : null),
            CreditBasis.None => new CreditResult(basis, measure, baseline, 0, null, 0, 0, 0, 0, 0, false, null),
        };
    }
}
