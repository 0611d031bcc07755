namespace Cpor.Web.Features.Scheduler;

/// <summary>Lets an operator (or a test) wait until this instance's catch-up pass at start-up is over.</summary>
public sealed class SchedulerStatus
{
    private readonly TaskCompletionSource<IReadOnlyList<AppliedTransition>> _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The transitions of the first pass, once it ran (empty when the clock is disabled).</summary>
    public Task<IReadOnlyList<AppliedTransition>> FirstPass => _firstPass.Task;

    internal void FirstPassDone(IReadOnlyList<AppliedTransition> applied) => _firstPass.TrySetResult(applied);
}
