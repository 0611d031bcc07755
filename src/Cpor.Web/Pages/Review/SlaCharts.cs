using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Charts;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Review;

/// <summary>
/// The SLA report as three bar charts in the reader's language (rendered by <see cref="BarChart"/>):
/// where the period's claims stand now, the open and overdue claims of each SLA stage, and the
/// median and 90th percentile time to decision against the target. Each description says in words
/// what the bars show, for readers who cannot see them.
/// </summary>
public static class SlaCharts
{
    /// <summary>The statuses a submitted claim can be in (never Draft again).</summary>
    public static readonly IReadOnlyList<ClaimStatus> ReportedStatuses = [.. Enum.GetValues<ClaimStatus>().Where(s => s != ClaimStatus.Draft)];

    public static BarChartModel Statuses(SlaReportResponse report, IStringLocalizer<UiText> text, Display display, string period)
    {
        var names = ReportedStatuses.Select(display.Status).ToList();
        var counts = ReportedStatuses.Select(s => report.SubmittedClaimsPerStatus.GetValueOrDefault(s)).ToList();
        var items = string.Join("; ", names.Zip(counts, (name, count) => text["sla.chart.item", name, Display.Number(count)].Value));
        return new BarChartModel(
            text["sla.statuses.title"],
            text.Plural("sla.chart.statuses.desc", counts.Sum(), Display.Number(counts.Sum()), period, items),
            text["sla.chart.claims"],
            text["sla.chart.none"],
            names,
            [new BarSeries(text["sla.chart.claims"], [.. counts.Select(c => (double?)c)])],
            PointFormat: text["sla.chart.point"],
            IdPrefix: "sla-statuses",
            ShowsTitle: false);
    }

    public static BarChartModel Stages(SlaReportResponse report, IStringLocalizer<UiText> text, Display display)
    {
        var names = report.OverduePerStage.Select(s => display.Status(s.Status)).ToList();
        var items = string.Join("; ", report.OverduePerStage.Select(s =>
            text["sla.chart.stages.item", display.Status(s.Status), Display.Number(s.Open), Display.Number(s.Overdue)].Value));
        return new BarChartModel(
            text["sla.stages.title"],
            text["sla.chart.stages.desc", items],
            text["sla.chart.claims"],
            text["sla.chart.none"],
            names,
            [
                new BarSeries(text["sla.stages.open"], [.. report.OverduePerStage.Select(s => (double?)s.Open)]),
                new BarSeries(text["sla.stages.overdue"], [.. report.OverduePerStage.Select(s => (double?)s.Overdue)]),
            ],
            PointFormat: text["sla.chart.point"],
            IdPrefix: "sla-stages",
            ShowsTitle: false);
    }

    public static BarChartModel DecisionTimes(SlaReportResponse report, IStringLocalizer<UiText> text, CultureInfo culture)
    {
        var times = report.TimeToDecision;
        var target = Hours(times.TargetBusinessHours, culture);
        var description = times.MedianBusinessHours is { } median && times.P90BusinessHours is { } p90
            ? text.Plural("sla.chart.times.desc", times.Count, Display.Number(times.Count), Hours(median, culture), Hours(p90, culture), target).Value
            : text["sla.times.none"].Value;
        return new BarChartModel(
            text["sla.times.title"],
            description,
            text["sla.chart.hours"],
            text["sla.times.none"],
            [text["sla.times.median"], text["sla.times.p90"]],
            [new BarSeries(text["sla.chart.hours"], [times.MedianBusinessHours, times.P90BusinessHours])],
            ValueFormat: "N1",
            PointFormat: text["sla.chart.point"],
            IdPrefix: "sla-times",
            Reference: times.TargetBusinessHours,
            ReferenceLabel: text["sla.times.targetLine", target],
            ShowsTitle: false);
    }

    /// <summary>Business hours with one decimal, as the table shows them.</summary>
    public static string Hours(double hours, CultureInfo culture) => hours.ToString("N1", culture);

    /// <summary>"12.0 business hours (1.5 business days)", each noun in the form its number takes.</summary>
    public static string HoursAndDays(double hours, IStringLocalizer<UiText> text, CultureInfo culture) =>
        text["sla.hours", text.Plural("sla.hours.value", hours, 1, Hours(hours, culture)), text.Plural("sla.days.value", hours / 24, 1, Hours(hours / 24, culture))];
}
