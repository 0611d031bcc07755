using System.Globalization;
using System.Xml.Linq;
using Cpor.Web.Charts;

namespace Cpor.Web.Tests.Charts;

/// <summary>The server-side SVG renderer on its own: no HTTP, no database.</summary>
public class UsageChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it");

    [Fact]
    public void Render_IsWellFormedSvg_NamedByItsTitleAndDescription()
    {
        var svg = Parse(UsageChart.Render(Model(Months(("2026-01", 10), ("2026-02", 20))), English));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("usage-chart-title usage-chart-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Exchange Online: users", svg.Elements(Svg + "title").Single(t => (string?)t.Attribute("id") == "usage-chart-title").Value);
        Assert.Equal("Ten in January, twenty in February.", svg.Elements(Svg + "desc").Single(d => (string?)d.Attribute("id") == "usage-chart-desc").Value);
        Assert.Equal($"0 0 {UsageChart.Width} {UsageChart.Height}", (string?)svg.Attribute("viewBox"));
    }

    [Fact]
    public void Render_FormatsMonthsAndNumbersInTheReadersCulture()
    {
        var model = Model(Months(("2026-01", 1500), ("2026-02", 2500)));

        var french = Texts(Parse(UsageChart.Render(model, French)));
        var italian = Texts(Parse(UsageChart.Render(model, Italian)));

        Assert.Contains("janv. 2026", french);
        Assert.Contains(3000.ToString("N0", French), french); // the top tick
        Assert.Contains("gen 2026", italian);
        Assert.Contains(3000.ToString("N0", Italian), italian);
    }

    [Fact]
    public void Render_InACommaCulture_KeepsCoordinatesInvariant()
    {
        var svg = Parse(UsageChart.Render(Model(Months(("2026-01", 7), ("2026-02", 13), ("2026-03", 11))), French));

        var single = svg.Descendants().SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName is "x" or "y" or "x1" or "y1" or "x2" or "y2" or "cx" or "cy")
            .Select(a => a.Value)
            .ToList();
        Assert.NotEmpty(single);
        Assert.All(single, value => Assert.Matches(@"^-?\d+(\.\d)?$", value));
        Assert.All(svg.Descendants(Svg + "polyline"), line => Assert.Matches(@"^\d+(\.\d)?,\d+(\.\d)?( \d+(\.\d)?,\d+(\.\d)?)+$", (string)line.Attribute("points")!));
    }

    [Fact]
    public void Render_EscapesTheTexts_InsteadOfInjectingMarkup()
    {
        var model = Model(Months(("2026-01", 1))) with { Title = "<script>alert(1)</script>", Description = "\"><foreignObject/>\u0001" };

        var text = UsageChart.Render(model, English);

        var svg = Parse(text);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "foreignObject");
        Assert.Equal("<script>alert(1)</script>", svg.Element(Svg + "title")!.Value);
        Assert.Equal("\"><foreignObject/>", svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Render_NoData_ShowsTheNoDataTextAndNoLine()
    {
        var svg = Parse(UsageChart.Render(Model([]), English));

        Assert.Contains("Nothing yet", Texts(svg));
        Assert.Empty(svg.Descendants(Svg + "polyline"));
        Assert.Empty(Points(svg));
    }

    [Fact]
    public void Render_OnePoint_IsCentredWithoutALine()
    {
        var svg = Parse(UsageChart.Render(Model(Months(("2026-05", 42))), English));

        var point = Assert.Single(Points(svg));
        var x = double.Parse((string)point.Attribute("cx")!, CultureInfo.InvariantCulture);
        Assert.InRange(x, (UsageChart.Width / 2.0) - 30, (UsageChart.Width / 2.0) + 30);
        Assert.Empty(svg.Descendants(Svg + "polyline"));
    }

    [Fact]
    public void Render_AMissingMonth_BreaksTheLine()
    {
        var svg = Parse(UsageChart.Render(Model(Months(("2026-01", 5), ("2026-02", 6), ("2026-04", 8), ("2026-05", 9))), English));

        Assert.Equal(2, svg.Descendants(Svg + "polyline").Count());
    }

    [Fact]
    public void Render_PeriodWiderThanTheData_SpansTheWholePeriod()
    {
        var model = Model(Months(("2026-06", 5), ("2026-07", 6))) with { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 1) };

        var svg = Parse(UsageChart.Render(model, English));

        Assert.Equal("Jan 2026", Texts(svg).First(t => t.EndsWith("2026", StringComparison.Ordinal)));
        // June is the sixth of twelve months: about halfway across, not at the left edge.
        var june = double.Parse((string)Points(svg).First().Attribute("cx")!, CultureInfo.InvariantCulture);
        Assert.InRange(june, UsageChart.Width * 0.4, UsageChart.Width * 0.6);
    }

    [Fact]
    public void Render_EveryPointHasATooltip_AndSeriesDifferByMoreThanColour()
    {
        var model = Model(Months(("2026-01", 1000), ("2026-02", 1200))) with
        {
            Series = [new ChartSeries("Active users", Months(("2026-01", 1000), ("2026-02", 1200))), new ChartSeries("Enabled users", Months(("2026-01", 1500), ("2026-02", 1600)))],
        };

        var svg = Parse(UsageChart.Render(model, English));

        var tooltips = svg.Descendants(Svg + "title").Where(t => t.Parent!.Name != Svg + "svg").Select(t => t.Value).ToList();
        Assert.Contains("Active users, January 2026: 1,000", tooltips);
        Assert.Contains("Enabled users, February 2026: 1,600", tooltips);
        var lines = svg.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.NotEqual((string?)lines[0].Attribute("stroke-dasharray"), (string?)lines[1].Attribute("stroke-dasharray"));
        Assert.NotEmpty(svg.Descendants(Svg + "rect")); // the second series' markers are squares
    }

    [Fact]
    public void Render_IdPrefix_IsSanitised()
    {
        var svg = Parse(UsageChart.Render(Model(Months(("2026-01", 1))) with { IdPrefix = "a\" onload=\"x" }, English));

        Assert.Equal("aonloadx-title aonloadx-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Null(svg.Attribute("onload"));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(7, 2, 8)]
    [InlineData(100, 25, 100)]
    [InlineData(1110, 500, 1500)]
    [InlineData(3999, 1000, 4000)]
    [InlineData(123456, 50000, 150000)]
    public void Ticks_AreNiceStepsCoveringTheMaximum(int max, int step, int top)
    {
        Assert.Equal((step, top), UsageChart.Ticks(max));
    }

    private static UsageChartModel Model(IReadOnlyList<ChartPoint> points) =>
        new("Exchange Online: users", "Ten in January, twenty in February.", "Users", "Nothing yet", [new ChartSeries("Active users", points)]);

    private static ChartPoint[] Months(params (string Month, int Value)[] values) =>
        [.. values.Select(v => new ChartPoint(DateOnly.ParseExact(v.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), v.Value))];

    /// <summary>The data points (the legend's markers excluded).</summary>
    private static IEnumerable<XElement> Points(XElement svg) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("series", StringComparison.Ordinal) == true).SelectMany(g => g.Elements(Svg + "circle"));

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static List<string> Texts(XElement svg) => [.. svg.Descendants(Svg + "text").Select(t => t.Value)];
}
