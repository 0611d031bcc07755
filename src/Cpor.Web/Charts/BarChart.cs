using System.Globalization;
using System.Text;
using System.Xml;
using static Cpor.Web.Charts.ChartSvg;

namespace Cpor.Web.Charts;

/// <summary>
/// Renders categories as an accessible SVG chart of horizontal bars, on the server, with no script:
/// the sibling of <see cref="UsageChart"/> for counts and durations (the reviewers' SLA report).
/// Horizontal, because category names in French or Italian are long and must stay readable. Each
/// bar carries its value as a label and a tooltip; series differ by hatching as well as colour; an
/// optional dashed reference line marks a target. The height grows with the number of rows.
/// </summary>
public static class BarChart
{
    /// <summary>Narrower than the usage chart: bar charts sit beside their table, and their texts must stay readable there.</summary>
    public const int Width = 600;

    private const double TitledTop = 48;
    private const double UntitledTop = 16;
    private const double Right = 24;
    private const double BarHeight = 18;
    private const double BarGap = 3;
    private const double BandPadding = 16;
    private const double MinLabelWidth = 96;
    private const double MaxLabelWidth = 240;
    private const double AxisHeight = 56;
    private const double LegendHeight = 30;
    private const double NoDataHeight = 120;

    public static string Render(BarChartModel model, CultureInfo culture)
    {
        var id = SafeId(model.IdPrefix);
        var top = model.ShowsTitle ? TitledTop : UntitledTop;
        var values = model.Series.SelectMany(s => s.Values.Take(model.Categories.Count)).OfType<double>().ToList();
        var hasLegend = model.Series.Count > 1 || model.Reference is not null;
        var text = new StringBuilder();
        using (var w = Writer(text))
        {
            if (model.Categories.Count == 0 || values.Count == 0)
            {
                NoData(w, model, id, top, culture);
            }
            else
            {
                Chart(w, model, id, top, values, hasLegend, culture);
            }
        }

        return text.ToString();
    }

    private static void NoData(XmlWriter w, BarChartModel model, string id, double top, CultureInfo culture)
    {
        Start(w, id, Width, (int)(top + NoDataHeight), culture, "cpor-chart cpor-bar-chart", model.Title, model.Description);
        Title(w, model);
        Line(w, 16, top + NoDataHeight - 24, Width - Right, top + NoDataHeight - 24, Muted);
        Text(w, Width / 2.0, top + ((NoDataHeight - 24) / 2), model.NoDataText, "middle", 14, ("fill", Muted));
        w.WriteEndElement();
    }

    private static void Chart(XmlWriter w, BarChartModel model, string id, double top, List<double> values, bool hasLegend, CultureInfo culture)
    {
        var band = (model.Series.Count * BarHeight) + ((model.Series.Count - 1) * BarGap) + BandPadding;
        var plotHeight = model.Categories.Count * band;
        var height = (int)Math.Ceiling(top + plotHeight + AxisHeight + (hasLegend ? LegendHeight : 0));
        var left = Math.Clamp(model.Categories.Max(c => TextWidth(c, 13)) + 16, MinLabelWidth, MaxLabelWidth);
        var (step, highest) = Ticks((int)Math.Ceiling(Math.Max(values.Max(), model.Reference ?? 0)));
        // Room after the longest bar for its value label.
        var right = Right + TextWidth(Format(highest, model.ValueFormat, culture), 12);
        var plotWidth = Width - left - right;
        double X(double value) => left + (Math.Max(0, value) * plotWidth / highest);
        var plot = new Plot(top, left, plotWidth, plotHeight, band);

        Start(w, id, Width, height, culture, "cpor-chart cpor-bar-chart", model.Title, model.Description);
        Title(w, model);
        Patterns(w, id, model.Series.Count);
        ValueAxis(w, step, highest, model.ValueAxisLabel, culture, X, plot);
        Categories(w, model.Categories, plot);
        for (var i = 0; i < model.Series.Count; i++)
        {
            Bars(w, model, id, i, plot, culture, X);
        }

        if (model.Reference is { } reference)
        {
            ReferenceLine(w, X(reference), plot, model.ReferenceLabel);
        }

        if (hasLegend)
        {
            Legend(w, model, id, plot.Top + plotHeight + AxisHeight + 14);
        }

        w.WriteEndElement();
    }

    private static void Title(XmlWriter w, BarChartModel model)
    {
        if (model.ShowsTitle)
        {
            Heading(w, 16, model.Title);
        }
    }

    private static string Format(double value, string format, CultureInfo culture) => value.ToString(format, culture);

    /// <summary>Hatching for every series after the first, so bars differ without colour too (printouts, colour blindness).</summary>
    private static void Patterns(XmlWriter w, string id, int count)
    {
        if (count < 2)
        {
            return;
        }

        w.WriteStartElement("defs", Namespace);
        for (var i = 1; i < count; i++)
        {
            var colour = Colours[i % Colours.Length];
            w.WriteStartElement("pattern", Namespace);
            w.WriteAttributeString("id", $"{id}-fill-{i}");
            w.WriteAttributeString("patternUnits", "userSpaceOnUse");
            Attr(w, "width", 6);
            Attr(w, "height", 6);
            w.WriteAttributeString("patternTransform", $"rotate({HatchAngle(i)})");
            w.WriteStartElement("rect", Namespace);
            Attr(w, "width", 6);
            Attr(w, "height", 6);
            w.WriteAttributeString("fill", "#ffffff");
            w.WriteEndElement();
            Line(w, 1.5, 0, 1.5, 6, colour, width: 3);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static int HatchAngle(int series) => (series % 3) switch
    {
        1 => 45,
        2 => -45,
        _ => 90,
    };

    private static string Fill(string id, int series) => series == 0 ? Colours[0] : $"url(#{id}-fill-{series})";

    private static void ValueAxis(XmlWriter w, int step, int highest, string label, CultureInfo culture, Func<double, double> x, Plot plot)
    {
        var bottom = plot.Top + plot.Height;
        for (var value = 0; value <= highest; value += step)
        {
            var at = x(value);
            Line(w, at, plot.Top, at, bottom, value == 0 ? Muted : Grid);
            Line(w, at, bottom, at, bottom + 5, Muted);
            Text(w, at, bottom + 19, value.ToString("N0", culture), "middle", 12, ("fill", Muted));
        }

        Line(w, plot.Left, bottom, plot.Left + plot.Width, bottom, Muted);
        Text(w, plot.Left + (plot.Width / 2), bottom + 42, label, "middle", 13, ("fill", Muted));
    }

    private static void Categories(XmlWriter w, IReadOnlyList<string> categories, Plot plot)
    {
        var room = plot.Left - 12;
        var glyph = TextWidth("x", 13);
        for (var i = 0; i < categories.Count; i++)
        {
            var name = categories[i];
            var shown = TextWidth(name, 13) <= room ? name : name[..Math.Max(1, (int)(room / glyph) - 1)] + "…";
            var y = plot.Top + (i * plot.Band) + (plot.Band / 2) + 4;
            w.WriteStartElement("text", Namespace);
            Attr(w, "x", plot.Left - 8);
            Attr(w, "y", y);
            w.WriteAttributeString("text-anchor", "end");
            w.WriteAttributeString("font-size", "13");
            w.WriteAttributeString("fill", Ink);
            w.WriteString(XmlText(shown));
            if (shown != name)
            {
                Element(w, "title", name);
            }

            w.WriteEndElement();
        }
    }

    private static void Bars(XmlWriter w, BarChartModel model, string id, int index, Plot plot, CultureInfo culture, Func<double, double> x)
    {
        var series = model.Series[index];
        var colour = Colours[index % Colours.Length];
        w.WriteStartElement("g", Namespace);
        w.WriteAttributeString("class", $"series series-{index}");
        for (var i = 0; i < model.Categories.Count && i < series.Values.Count; i++)
        {
            if (series.Values[i] is not { } value)
            {
                continue;
            }

            var y = plot.Top + (i * plot.Band) + (BandPadding / 2) + (index * (BarHeight + BarGap));
            var end = x(value);
            var label = Format(value, model.ValueFormat, culture);
            w.WriteStartElement("rect", Namespace);
            Attr(w, "x", x(0));
            Attr(w, "y", y);
            // A zero keeps a sliver, so the row shows it was counted.
            Attr(w, "width", Math.Max(1, end - x(0)));
            Attr(w, "height", BarHeight);
            w.WriteAttributeString("fill", Fill(id, index));
            w.WriteAttributeString("stroke", colour);
            Attr(w, "stroke-width", 1);
            Element(w, "title", string.Format(culture, model.PointFormat, series.Name, model.Categories[i], label));
            w.WriteEndElement();
            Text(w, Math.Max(end, x(0) + 1) + 6, y + (BarHeight / 2) + 4, label, "start", 12, ("fill", Ink), ("aria-hidden", "true"));
        }

        w.WriteEndElement();
    }

    private static void ReferenceLine(XmlWriter w, double x, Plot plot, string? label)
    {
        w.WriteStartElement("g", Namespace);
        w.WriteAttributeString("class", "reference");
        Line(w, x, plot.Top - 6, x, plot.Top + plot.Height, ChartSvg.Reference, "6 4", 2);
        if (label is not null)
        {
            Element(w, "title", label);
        }

        w.WriteEndElement();
    }

    private static void Legend(XmlWriter w, BarChartModel model, string id, double y)
    {
        var x = 16.0;
        if (model.Series.Count > 1)
        {
            for (var i = 0; i < model.Series.Count; i++)
            {
                w.WriteStartElement("rect", Namespace);
                Attr(w, "x", x);
                Attr(w, "y", y - 11);
                Attr(w, "width", 14);
                Attr(w, "height", 14);
                w.WriteAttributeString("fill", Fill(id, i));
                w.WriteAttributeString("stroke", Colours[i % Colours.Length]);
                Attr(w, "stroke-width", 1);
                w.WriteEndElement();
                Text(w, x + 20, y, model.Series[i].Name, "start", 13, ("fill", Ink));
                x += 20 + TextWidth(model.Series[i].Name, 13) + 24;
            }
        }

        if (model.Reference is not null && model.ReferenceLabel is { } label)
        {
            Line(w, x, y - 4, x + 28, y - 4, ChartSvg.Reference, "6 4", 2);
            Text(w, x + 34, y, label, "start", 13, ("fill", Ink));
        }
    }

    /// <summary>Where the bars go: the plot's top-left corner, its size, and the height of one category's row.</summary>
    private sealed record Plot(double Top, double Left, double Width, double Height, double Band);
}
