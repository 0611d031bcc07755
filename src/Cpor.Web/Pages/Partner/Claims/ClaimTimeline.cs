using Cpor.Domain;
using Cpor.Web.Features.Claims;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// The claim's way through the lifecycle for the timeline: every stage it entered, in the order it
/// entered them (a request for information and the resubmission show as the loop they were), then
/// the stages of the usual path (Draft → Submitted → In review → Approved → Active) still ahead.
/// </summary>
public static class ClaimTimeline
{
    private static readonly ClaimStatus[] MainPath = [ClaimStatus.Draft, ClaimStatus.Submitted, ClaimStatus.InReview, ClaimStatus.Approved, ClaimStatus.Active];

    public static IReadOnlyList<TimelineStep> Build(ClaimStatus current, IReadOnlyList<HistoryEntryResponse> history)
    {
        var taken = new List<(ClaimStatus Status, DateTimeOffset? At)>();
        foreach (var entry in history.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            var entered = entry.Action == nameof(ClaimEventKind.Created) ? ClaimStatus.Draft : entry.ToStatus;
            if (entered is { } status && (taken.Count == 0 || taken[^1].Status != status))
            {
                taken.Add((status, entry.At));
            }
        }

        if (taken.Count == 0 || taken[^1].Status != current)
        {
            taken.Add((current, null));
        }

        var steps = taken.Select((t, i) => new TimelineStep(t.Status, i == taken.Count - 1 ? StepState.Current : StepState.Done, t.At)).ToList();
        steps.AddRange(Ahead(current).Select(s => new TimelineStep(s, StepState.Upcoming, null)));
        return steps;
    }

    /// <summary>The usual stages still to come from <paramref name="current"/>; none after a final status.</summary>
    private static IEnumerable<ClaimStatus> Ahead(ClaimStatus current) => current switch
    {
        ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.InReview or ClaimStatus.Approved or ClaimStatus.Active =>
            MainPath.Skip(Array.IndexOf(MainPath, current) + 1),
        ClaimStatus.PartnerActionRequired => MainPath.Skip(1),
        ClaimStatus.Disputed => MainPath.Skip(Array.IndexOf(MainPath, ClaimStatus.Approved)),
        ClaimStatus.Rejected or ClaimStatus.Ended => [],
    };
}
