namespace Cpor.Domain;

/// <summary>
/// The months an association is official (CPOR.md §9): from the month it became Active to the
/// month it ended — or the current month while it is Active — both included. Its partner sees the
/// unit's usage and seats for these months only; the month before is the credit's baseline
/// (<see cref="ContributionCredit"/>), shown as that figure and never as data.
/// </summary>
public sealed record OfficialMonths(DateOnly First, DateOnly Last)
{
    /// <summary>The official months of <paramref name="association"/> as of <paramref name="now"/>; null when it never became Active.</summary>
    public static OfficialMonths? Of(Association association, DateTimeOffset now)
    {
        if (association.ActiveFrom is not { } from)
        {
            return null;
        }

        var end = association.EndedAt is { } ended && ended < now ? ended : now;
        return new OfficialMonths(ContributionCredit.MonthOf(from), ContributionCredit.MonthOf(end));
    }

    /// <summary>The part of the period <paramref name="from"/>–<paramref name="to"/> that lies within these months; null when none does.</summary>
    public OfficialMonths? Within(DateOnly from, DateOnly to)
    {
        var first = from > First ? from : First;
        var last = to < Last ? to : Last;
        return first <= last ? new OfficialMonths(first, last) : null;
    }
}
