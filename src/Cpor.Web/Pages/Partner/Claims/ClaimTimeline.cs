using Cpor.Domain;
using Cpor.Web.Features.Claims;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// The claim's way through the lifecycle for the timeline: the usual path (Draft → Submitted → In
/// review → Approved → Active) with the steps reached, and a detour (information requested, rejected,
/// disputed, ended) shown where it happened.
/// </summary>
public static class ClaimTimeline
{
    private static readonly ClaimStatus[] MainPath = [ClaimStatus.Draft, ClaimStatus.Submitted, ClaimStatus.InReview, ClaimStatus.Approved, ClaimStatus.Active];

    public static IReadOnlyList<TimelineStep> Build(ClaimStatus current, IReadOnlyList<HistoryEntryResponse> history)
    {
        var entered = new Dictionary<ClaimStatus, DateTimeOffset>();
        foreach (var entry in history)
        {
            if (entry.Action == nameof(ClaimEventKind.Created))
            {
                entered[ClaimStatus.Draft] = entry.At;
            }
            else if (entry.ToStatus is { } status)
            {
                entered[status] = entry.At;
            }
        }

        var at = (ClaimStatus s) => entered.TryGetValue(s, out var when) ? when : (DateTimeOffset?)null;
        var position = Array.IndexOf(MainPath, current);
        if (position >= 0)
        {
            return [.. MainPath.Select((s, i) => new TimelineStep(s, i < position ? StepState.Done : i == position ? StepState.Current : StepState.Upcoming, at(s)))];
        }

        // A detour: the usual steps reached so far, then where the claim is now.
        var reached = MainPath.Select((s, i) => (s, i)).Where(p => entered.ContainsKey(p.s)).Select(p => p.i).DefaultIfEmpty(0).Max();
        var steps = MainPath.Take(reached + 1).Select(s => new TimelineStep(s, StepState.Done, at(s))).ToList();
        if (current == ClaimStatus.Disputed)
        {
            steps.Add(new TimelineStep(ClaimStatus.Rejected, StepState.Done, at(ClaimStatus.Rejected)));
        }

        steps.Add(new TimelineStep(current, StepState.Current, at(current)));
        var canStillGoOn = current is ClaimStatus.PartnerActionRequired or ClaimStatus.Disputed;
        if (canStillGoOn)
        {
            var resumeFrom = current == ClaimStatus.Disputed ? Array.IndexOf(MainPath, ClaimStatus.Approved) : reached + 1;
            steps.AddRange(MainPath.Skip(resumeFrom).Select(s => new TimelineStep(s, StepState.Upcoming, null)));
        }

        return steps;
    }
}
