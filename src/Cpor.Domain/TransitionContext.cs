namespace Cpor.Domain;

/// <summary>What every change to a claim needs: who, when, and the calendar and clocks in force.</summary>
public sealed record TransitionContext(Actor Actor, DateTimeOffset Now, BusinessCalendar Calendar, ClaimTimings Timings);
