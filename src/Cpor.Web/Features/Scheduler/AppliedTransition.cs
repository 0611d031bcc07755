using Cpor.Domain;

namespace Cpor.Web.Features.Scheduler;

/// <summary>An automatic transition the clock applied: the claim, the action, when it was due and when it was done.</summary>
public sealed record AppliedTransition(string ClaimId, string Action, ClaimStatus From, ClaimStatus To, DateTimeOffset DueAt, DateTimeOffset AppliedAt);
