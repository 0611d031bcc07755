namespace Cpor.Web.Features.Scheduler;

/// <summary>Something the clock owes a claim, and since when.</summary>
public sealed record DueItem(string ClaimId, DateTimeOffset DueAt);
