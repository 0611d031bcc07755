using System.Globalization;
using Cpor.Web.Charts;
using Cpor.Web.Features.Review;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Review;

/// <summary>
/// The reviewers' SLA report (the API's <see cref="SlaReport"/>) over a period of days: claims
/// submitted per status now, open and overdue claims per SLA stage, and the time to decision —
/// as bar charts and as tables. The form's last day is included: the page asks the report for
/// the period up to the next midnight (UTC), the API's exclusive end.
/// </summary>
public sealed class SlaModel(SlaReport report, Display display, IStringLocalizer<UiText> text, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    private const string Day = "yyyy-MM-dd";

    /// <summary>The inputs of the period form, by the API field an error names.</summary>
    private static readonly Dictionary<string, string> PeriodInputs = new() { ["from"] = "sla-from", ["to"] = "sla-to" };

    /// <summary>First day (<c>yyyy-MM-dd</c>, UTC); none: 30 days before the end.</summary>
    [FromQuery]
    public string? From { get; set; }

    /// <summary>Last day, included (<c>yyyy-MM-dd</c>, UTC); none: up to now.</summary>
    [FromQuery]
    public string? To { get; set; }

    /// <summary>The report; null when the period was refused.</summary>
    public SlaReportResponse? Report { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public string FromValue => Report is { } r ? DateOnly.FromDateTime(r.From.UtcDateTime).ToString(Day, CultureInfo.InvariantCulture) : From ?? "";

    public string ToValue => Report is { } r ? LastDay(r).ToString(Day, CultureInfo.InvariantCulture) : To ?? "";

    /// <summary>"from 1 November 2026 to 30 November 2026", in the page's language.</summary>
    public string Period => Report is { } r
        ? text["sla.period", DateOnly.FromDateTime(r.From.UtcDateTime).ToString("D", CultureInfo.CurrentCulture), LastDay(r).ToString("D", CultureInfo.CurrentCulture)]
        : "";

    public string? StatusChart { get; private set; }

    public string? StageChart { get; private set; }

    public string? TimeChart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await report.HandleAsync(From, ExclusiveEnd(To), ct);
        if (!outcome.IsSuccess)
        {
            if (Unavailable(outcome.Errors) is { } unavailable)
            {
                return unavailable;
            }

            // A refused end names the day the person typed, not the day after it the report was given.
            var errors = outcome.Errors.Select(e => e.Field == "to" ? e with { Args = [To ?? ""] } : e).ToList();
            Errors = FormErrors.From(errors, messages, field => PeriodInputs.GetValueOrDefault(field));
            return Refused();
        }

        Report = outcome.Value!;
        var culture = CultureInfo.CurrentCulture;
        StatusChart = BarChart.Render(SlaCharts.Statuses(Report, text, display, Period), culture);
        StageChart = BarChart.Render(SlaCharts.Stages(Report, text, display), culture);
        TimeChart = BarChart.Render(SlaCharts.DecisionTimes(Report, text, culture), culture);
        return Page();
    }

    /// <summary>The day after an included last day; anything else goes as typed, for the report to refuse.</summary>
    private static string? ExclusiveEnd(string? to) =>
        DateOnly.TryParseExact(to?.Trim(), Day, CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) && last < DateOnly.MaxValue
            ? last.AddDays(1).ToString(Day, CultureInfo.InvariantCulture)
            : to;

    private static DateOnly LastDay(SlaReportResponse report) => DateOnly.FromDateTime(report.To.AddTicks(-1).UtcDateTime);
}
