using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Review;

/// <summary>Open claims of one SLA stage right now, and how many of them are late.</summary>
public sealed record StageOverdue(ClaimStatus Status, int Open, int Overdue);

/// <summary>Business hours from submission to a reviewer's first decision, the partner's answering time left out.</summary>
public sealed record DecisionTimes(int Count, double? MedianBusinessHours, double? P90BusinessHours, double TargetBusinessHours, int WithinTarget);

/// <summary>GET /api/v1/review/sla.</summary>
public sealed record SlaReportResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<ClaimStatus, int> SubmittedClaimsPerStatus,
    IReadOnlyList<StageOverdue> OverduePerStage,
    DecisionTimes TimeToDecision);

/// <summary>
/// The reviewers' SLA report (CPOR.md §5): for claims submitted in the period, where they stand
/// now; the SLA stages' open and overdue claims now; and, for the claims whose first review
/// decision fell in the period, the median and 90th percentile of the business time it took,
/// the time spent waiting for the partner's answers excluded. Periods are [from, to).
/// </summary>
public sealed class SlaReport(CporDb db, CurrentUser user, ClaimClock clock, IOptions<CporOptions> options)
{
    public const int MaxPeriodDays = 400;
    private static readonly ClaimStatus[] SlaStages = [ClaimStatus.Submitted, ClaimStatus.InReview, ClaimStatus.PartnerActionRequired, ClaimStatus.Disputed];
    private static readonly ClaimAction?[] Milestones = [ClaimAction.Submit, ClaimAction.RequestInfo, ClaimAction.Approve, ClaimAction.Reject, ClaimAction.PartnerResponseTimeout, ClaimAction.Withdraw];

    public async Task<Outcome<SlaReportResponse>> HandleAsync(string? fromText, string? toText, CancellationToken ct)
    {
        if (!ClaimPermissions.CanReview(user))
        {
            return CommonErrors.Forbidden;
        }

        var now = clock.Now;
        var errors = new List<DomainError>();
        var to = ParseMoment(toText, "to", errors) ?? now;
        var from = ParseMoment(fromText, "from", errors) ?? to.AddDays(-30);
        if (errors.Count == 0 && from >= to)
        {
            errors.Add(new DomainError(ErrorCodes.FilterInvalid, "from", fromText ?? ""));
        }

        if (errors.Count == 0 && (to - from).TotalDays > MaxPeriodDays)
        {
            errors.Add(new DomainError(ErrorCodes.FilterInvalid, "to", toText ?? ""));
        }

        if (errors.Count > 0)
        {
            return Outcome<SlaReportResponse>.Failure(errors);
        }

        var perStatus = await db.Claims.AsNoTracking()
            .Where(c => c.SubmittedAt >= from && c.SubmittedAt < to)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, ct);
        var statuses = Enum.GetValues<ClaimStatus>().ToDictionary(s => s, s => perStatus.GetValueOrDefault(s));

        var stages = await db.Claims.AsNoTracking()
            .Where(c => SlaStages.Contains(c.Status))
            .GroupBy(c => c.Status)
            .Select(g => new
            {
                Status = g.Key,
                Open = g.Count(),
                Overdue = g.Count(c => c.DueAt < now && !(c.Status == ClaimStatus.InReview && c.Competing)),
            })
            .ToListAsync(ct);
        var overdue = SlaStages
            .Select(s => stages.FirstOrDefault(x => x.Status == s) is { } x ? new StageOverdue(s, x.Open, x.Overdue) : new StageOverdue(s, 0, 0))
            .ToList();

        var calendar = await clock.CalendarAsync(ct);
        var hours = await DecisionHoursAsync(from, to, calendar, ct);
        var target = options.Value.Timings.TotalReviewBusinessDays * 24.0;
        var times = new DecisionTimes(
            hours.Count,
            Percentile(hours, 0.5),
            Percentile(hours, 0.9),
            target,
            hours.Count(h => h <= target));
        return new SlaReportResponse(from, to, now, statuses, overdue, times);
    }

    /// <summary>For each claim whose first reviewer decision is in the period: business hours to it, partner time excluded.</summary>
    private async Task<List<double>> DecisionHoursAsync(DateTimeOffset from, DateTimeOffset to, BusinessCalendar calendar, CancellationToken ct)
    {
        var decided = db.ClaimEvents.AsNoTracking()
            .Where(e => (e.Action == ClaimAction.Approve || e.Action == ClaimAction.Reject) && e.At >= from && e.At < to)
            .Select(e => e.ClaimId)
            .Distinct();
        var events = await db.ClaimEvents.AsNoTracking()
            .Where(e => decided.Contains(e.ClaimId) && Milestones.Contains(e.Action))
            .OrderBy(e => e.ClaimId).ThenBy(e => e.Id)
            .Select(e => new { e.ClaimId, e.Action, e.At })
            .ToListAsync(ct);
        var hours = new List<double>();
        foreach (var claim in events.GroupBy(e => e.ClaimId))
        {
            DateTimeOffset? submitted = null;
            DateTimeOffset? waitingSince = null;
            var partnerTime = TimeSpan.Zero;
            foreach (var e in claim)
            {
                switch (e.Action)
                {
                    case ClaimAction.Submit when submitted is null:
                        submitted = e.At;
                        break;
                    case ClaimAction.Submit or ClaimAction.PartnerResponseTimeout or ClaimAction.Withdraw when waitingSince is { } since:
                        partnerTime += calendar.BusinessTimeBetween(since, e.At);
                        waitingSince = null;
                        break;
                    case ClaimAction.RequestInfo:
                        waitingSince = e.At;
                        break;
                }

                if (e.Action is ClaimAction.Approve or ClaimAction.Reject && submitted is { } start)
                {
                    // Only the first decision counts; a later one answers a dispute.
                    if (e.At >= from && e.At < to)
                    {
                        hours.Add(Math.Max(0, (calendar.BusinessTimeBetween(start, e.At) - partnerTime).TotalHours));
                    }

                    break;
                }
            }
        }

        return hours;
    }

    /// <summary>Linear interpolation between closest ranks (Excel's PERCENTILE.INC); null without data.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return Math.Round(sorted[low] + ((sorted[high] - sorted[low]) * (rank - low)), 2);
    }

    private static DateTimeOffset? ParseMoment(string? text, string field, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment.ToUniversalTime();
        }

        errors.Add(new DomainError(ErrorCodes.FilterInvalid, field, text.Length > 40 ? text[..40] : text));
        return null;
    }
}
