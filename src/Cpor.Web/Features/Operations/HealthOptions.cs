namespace Cpor.Web.Features.Operations;

/// <summary>Settings of section <c>Cpor:Health</c>: when a backlog makes readiness report degraded.</summary>
public sealed class HealthOptions
{
    public const string Section = "Cpor:Health";

    /// <summary>Oldest due claim transition the clock may leave waiting, in seconds (several scheduler intervals).</summary>
    public int SchedulerLagSeconds { get; set; } = 300;

    /// <summary>Oldest due outbox event or e-mail the dispatcher may leave waiting, in seconds.</summary>
    public int OutboxLagSeconds { get; set; } = 300;
}
