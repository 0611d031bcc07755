namespace Cpor.Domain;

/// <summary>The clocks of CPOR.md §5. Defaults are the program's published timings.</summary>
public sealed record ClaimTimings
{
    /// <summary>Business days for a reviewer to start the review of a submitted claim.</summary>
    public int ReviewStartBusinessDays { get; init; } = 5;

    /// <summary>Business days for a reviewer to decide once the review started.</summary>
    public int DecisionBusinessDays { get; init; } = 5;

    /// <summary>Business days the partner has to answer a request for information.</summary>
    public int PartnerResponseBusinessDays { get; init; } = 5;

    /// <summary>Business days for reviewers to answer a dispute.</summary>
    public int DisputeAnswerBusinessDays { get; init; } = 5;

    /// <summary>Calendar days the customer may opt out after approval, unless the program says otherwise.</summary>
    public int DefaultConsentWindowDays { get; init; } = 7;

    /// <summary>Calendar days after a rejection during which the partner may dispute it.</summary>
    public int DisputeWindowDays { get; init; } = 30;

    /// <summary>Business days the whole review should take, partner time excluded (SLA metric).</summary>
    public int TotalReviewBusinessDays { get; init; } = 10;
}
