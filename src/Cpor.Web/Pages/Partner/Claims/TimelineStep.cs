using Cpor.Domain;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>A status on the claim's timeline and when the claim last entered it.</summary>
public sealed record TimelineStep(ClaimStatus Status, StepState State, DateTimeOffset? At);
