using System.Globalization;
using System.Text;
using System.Xml;
using static Cpor.Web.Charts.ChartSvg;

namespace Cpor.Web.Charts;

/// <summary>A value of one month in a chart series.</summary>
public sealed record ChartPoint(DateOnly Month, int Value);

/// <summary>A named line of the chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// Everything a usage chart shows. Every text is already in the reader's language: the renderer
/// writes no words of its own.
/// </summary>
/// <param name="Title">Shown above the chart and read first by screen readers.</param>
/// <param name="Description">A sentence summing the data up for screen readers.</param>
/// <param name="ValueAxisLabel">What the vertical axis counts (users, seats).</param>
/// <param name="NoDataText">Shown instead of lines when no series has a point.</param>
/// <param name="Series">The lines; months may differ between series and may have gaps.</param>
/// <param name="PointFormat">Tooltip of a point: {0} series, {1} month, {2} value.</param>
/// <param name="IdPrefix">Prefix of the element ids, unique per page when several charts are inlined.</param>
/// <param name="From">First month of the period asked for: the time axis spans it even where data is missing.</param>
/// <param name="To">Last month of the period asked for.</param>
public sealed record UsageChartModel(
    string Title,
    string Description,
    string ValueAxisLabel,
    string NoDataText,
    IReadOnlyList<ChartSeries> Series,
    string PointFormat = "{0}, {1}: {2}",
    string IdPrefix = "usage-chart",
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>
/// Renders monthly series as an accessible SVG line chart, on the server, with no script and no
/// framework: a <c>title</c> and <c>desc</c> referenced by <c>aria-labelledby</c>, axes with
/// "nice" ticks, months and numbers formatted in the reader's culture, lines told apart by dash
/// and marker shape as well as colour, and a tooltip on every point. Coordinates are written in
/// the invariant culture whatever the reader's, so the markup stays valid in French and Italian.
/// </summary>
public static class UsageChart
{
    public const int Width = 720;
    public const int Height = 360;

    private const string Svg = ChartSvg.Namespace;
    private const double Left = 76;
    private const double Right = 24;
    private const double Top = 48;
    private const double Bottom = 88;
    private const double PlotWidth = Width - Left - Right;
    private const double PlotHeight = Height - Top - Bottom;
    private const int MaxMonthLabels = 8;

    /// <summary>Colour (contrast ≥ 4.5:1 on white), dash pattern and marker of the n-th series.</summary>
    private static readonly (string Colour, string? Dash, Marker Marker)[] Styles =
    [
        (Colours[0], null, Marker.Circle),
        (Colours[1], "7 4", Marker.Square),
        (Colours[2], "2 3", Marker.Diamond),
        (Colours[3], "10 3 2 3", Marker.Circle),
    ];

    private enum Marker
    {
        Circle,
        Square,
        Diamond,
    }

    public static string Render(UsageChartModel model, CultureInfo culture)
    {
        var id = SafeId(model.IdPrefix);
        var months = model.Series.SelectMany(s => s.Points).Select(p => p.Month).Distinct().Order().ToList();
        var text = new StringBuilder();
        using (var w = ChartSvg.Writer(text))
        {
            ChartSvg.Start(w, id, Width, Height, culture, "cpor-chart", model.Title, model.Description);
            ChartSvg.Heading(w, Left, model.Title);

            if (months.Count == 0)
            {
                Frame(w);
                Text(w, Left + (PlotWidth / 2), Top + (PlotHeight / 2), model.NoDataText, "middle", 14, ("fill", Muted));
            }
            else
            {
                var first = model.From is { } from && from < months[0] ? from : months[0];
                var last = model.To is { } to && to > months[^1] ? to : months[^1];
                var span = MonthIndex(first, last);
                var max = model.Series.SelectMany(s => s.Points).Max(p => p.Value);
                var (step, top) = Ticks(max);
                double X(DateOnly month) => span == 0 ? Left + (PlotWidth / 2) : Left + (MonthIndex(first, month) * PlotWidth / span);
                double Y(int value) => Top + PlotHeight - (Math.Max(0, value) * PlotHeight / top);

                YAxis(w, step, top, model.ValueAxisLabel, culture, Y);
                XAxis(w, first, span, culture, X);
                for (var i = 0; i < model.Series.Count; i++)
                {
                    Series(w, model, i, culture, X, Y);
                }

                Legend(w, model.Series);
            }

            w.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>A tick step of 1, 2, 2.5 or 5 times a power of ten, about four steps up to the maximum.</summary>
    public static (int Step, int Top) Ticks(int max) => ChartSvg.Ticks(max);

    private static void YAxis(XmlWriter w, int step, int top, string label, CultureInfo culture, Func<int, double> y)
    {
        for (var value = 0; value <= top; value += step)
        {
            var at = y(value);
            Line(w, Left, at, Left + PlotWidth, at, value == 0 ? Muted : Grid);
            Text(w, Left - 8, at + 4, value.ToString("N0", culture), "end", 11, ("fill", Muted));
        }

        Line(w, Left, Top, Left, Top + PlotHeight, Muted);
        var middle = Top + (PlotHeight / 2);
        Text(w, 16, middle, label, "middle", 12, ("fill", Muted), ("transform", $"rotate(-90 16 {Number(middle)})"));
    }

    private static void XAxis(XmlWriter w, DateOnly first, int span, CultureInfo culture, Func<DateOnly, double> x)
    {
        var every = Math.Max(1, (int)Math.Ceiling((span + 1) / (double)MaxMonthLabels));
        for (var i = 0; i <= span; i += every)
        {
            var month = first.AddMonths(i);
            var at = x(month);
            Line(w, at, Top + PlotHeight, at, Top + PlotHeight + 5, Muted);
            Text(w, at, Top + PlotHeight + 20, month.ToString("MMM yyyy", culture), "middle", 11, ("fill", Muted));
        }
    }

    private static void Series(XmlWriter w, UsageChartModel model, int index, CultureInfo culture, Func<DateOnly, double> x, Func<int, double> y)
    {
        var series = model.Series[index];
        var (colour, dash, marker) = Styles[index % Styles.Length];
        var points = series.Points.OrderBy(p => p.Month).ToList();
        w.WriteStartElement("g", Svg);
        w.WriteAttributeString("class", $"series series-{index}");

        // A missing month breaks the line: the chart never draws data that does not exist.
        var segment = new List<ChartPoint>();
        for (var i = 0; i <= points.Count; i++)
        {
            if (i < points.Count && (segment.Count == 0 || points[i].Month == segment[^1].Month.AddMonths(1)))
            {
                segment.Add(points[i]);
                continue;
            }

            if (segment.Count > 1)
            {
                w.WriteStartElement("polyline", Svg);
                w.WriteAttributeString("points", string.Join(' ', segment.Select(p => $"{Number(x(p.Month))},{Number(y(p.Value))}")));
                w.WriteAttributeString("fill", "none");
                w.WriteAttributeString("stroke", colour);
                w.WriteAttributeString("stroke-width", "2");
                if (dash is not null)
                {
                    w.WriteAttributeString("stroke-dasharray", dash);
                }

                w.WriteEndElement();
            }

            segment.Clear();
            if (i < points.Count)
            {
                segment.Add(points[i]);
            }
        }

        foreach (var point in points)
        {
            var tooltip = string.Format(culture, model.PointFormat, series.Name, point.Month.ToString("MMMM yyyy", culture), point.Value.ToString("N0", culture));
            Mark(w, marker, x(point.Month), y(point.Value), colour, tooltip);
        }

        w.WriteEndElement();
    }

    private static void Legend(XmlWriter w, IReadOnlyList<ChartSeries> series)
    {
        var x = Left;
        var y = Height - 22.0;
        for (var i = 0; i < series.Count; i++)
        {
            var (colour, dash, marker) = Styles[i % Styles.Length];
            w.WriteStartElement("line", Svg);
            Attr(w, "x1", x);
            Attr(w, "y1", y - 4);
            Attr(w, "x2", x + 28);
            Attr(w, "y2", y - 4);
            w.WriteAttributeString("stroke", colour);
            w.WriteAttributeString("stroke-width", "2");
            if (dash is not null)
            {
                w.WriteAttributeString("stroke-dasharray", dash);
            }

            w.WriteEndElement();
            Mark(w, marker, x + 14, y - 4, colour, tooltip: null);
            Text(w, x + 36, y, series[i].Name, "start", 12, ("fill", Ink));
            // No text metrics without a browser: an average glyph width keeps entries apart.
            x += 36 + (series[i].Name.Length * 7.2) + 24;
        }
    }

    private static void Mark(XmlWriter w, Marker marker, double x, double y, string colour, string? tooltip)
    {
        switch (marker)
        {
            case Marker.Circle:
                w.WriteStartElement("circle", Svg);
                Attr(w, "cx", x);
                Attr(w, "cy", y);
                Attr(w, "r", 3.5);
                break;
            case Marker.Square:
                w.WriteStartElement("rect", Svg);
                Attr(w, "x", x - 3.5);
                Attr(w, "y", y - 3.5);
                Attr(w, "width", 7);
                Attr(w, "height", 7);
                break;
            case Marker.Diamond:
                w.WriteStartElement("polygon", Svg);
                w.WriteAttributeString("points", $"{Number(x)},{Number(y - 4.5)} {Number(x + 4.5)},{Number(y)} {Number(x)},{Number(y + 4.5)} {Number(x - 4.5)},{Number(y)}");
                break;
        }

        w.WriteAttributeString("fill", colour);
        if (tooltip is not null)
        {
            Element(w, "title", tooltip);
        }

        w.WriteEndElement();
    }

    private static void Frame(XmlWriter w)
    {
        Line(w, Left, Top + PlotHeight, Left + PlotWidth, Top + PlotHeight, Muted);
        Line(w, Left, Top, Left, Top + PlotHeight, Muted);
    }

    private static int MonthIndex(DateOnly first, DateOnly month) => ((month.Year - first.Year) * 12) + month.Month - first.Month;
}
