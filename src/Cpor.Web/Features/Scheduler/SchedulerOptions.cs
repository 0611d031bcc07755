namespace Cpor.Web.Features.Scheduler;

/// <summary>Settings of section <c>Cpor:Scheduler</c>.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Cpor:Scheduler";

    /// <summary>Runs the clock in this process. Every instance may: they share the work safely.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between two passes; the first pass runs at start-up and catches up.</summary>
    public int IntervalSeconds { get; set; } = 30;
}
