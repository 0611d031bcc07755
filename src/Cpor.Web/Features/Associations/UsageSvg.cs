using System.Globalization;
using Cpor.Web.Charts;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// GET /api/v1/associations/{id}/usage.svg: turns an association's usage into the chart's model in
/// the reader's language — title, series names, and a description that says what the lines show
/// for readers who cannot see them — then renders it with <see cref="UsageChart"/>.
/// </summary>
public static class UsageSvg
{
    public const string ContentType = "image/svg+xml; charset=utf-8";

    public static UsageChartModel Model(UsageResponse usage, IStringLocalizer<AssociationText> text, CultureInfo culture, string idPrefix = "usage-chart")
    {
        var series = usage.Measure switch
        {
            UsageMeasure.Users => new List<ChartSeries>
            {
                Series(text["chart.activeUsers"], usage, m => m.ActiveUsers),
                Series(text["chart.enabledUsers"], usage, m => m.EnabledUsers),
            },
            UsageMeasure.Seats =>
            [
                Series(text["chart.seatsPurchased"], usage, m => m.SeatsPurchased),
                Series(text["chart.seatsAssigned"], usage, m => m.SeatsAssigned),
            ],
        };

        var sentences = new List<string>
        {
            string.Format(culture, text["chart.range"], MonthName(usage.From, culture), MonthName(usage.To, culture)),
        };
        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var (first, last) = (s.Points[0], s.Points[^1]);
            sentences.Add(string.Format(
                culture, text["chart.summary"], s.Name, first.Value.ToString("N0", culture), first.Month.ToString("MMMM yyyy", culture),
                last.Value.ToString("N0", culture), last.Month.ToString("MMMM yyyy", culture)));
        }

        if (series.All(s => s.Points.Count == 0))
        {
            sentences.Add(text["chart.noData"]);
        }

        if (usage.VisibleUntil is { } until)
        {
            sentences.Add(string.Format(culture, text["chart.ended"], until.UtcDateTime.ToString("d", culture)));
        }

        return new UsageChartModel(
            string.Format(culture, text[$"chart.{usage.Measure}.title"], usage.ProductName),
            string.Join(' ', sentences),
            text[$"chart.{usage.Measure}.axis"],
            text["chart.noData"],
            series,
            text["chart.point"],
            idPrefix,
            // The usage's period is already the association's official months: the axis spans it.
            ParseMonth(usage.From),
            ParseMonth(usage.To));
    }

    public static string Render(UsageResponse usage, IStringLocalizer<AssociationText> text, CultureInfo culture) =>
        UsageChart.Render(Model(usage, text, culture), culture);

    private static ChartSeries Series(string name, UsageResponse usage, Func<UsageMonth, int?> value) =>
        new(name, [.. usage.Months.Where(m => value(m) is not null).Select(m => new ChartPoint(ParseMonth(m.Month), value(m)!.Value))]);

    private static DateOnly ParseMonth(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthName(string month, CultureInfo culture) => ParseMonth(month).ToString("MMMM yyyy", culture);
}
