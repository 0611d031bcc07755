using System.Globalization;
using System.Xml.Linq;
using Cpor.Web.Charts;

namespace Cpor.Web.Tests.Charts;

/// <summary>The server-side SVG bar chart on its own: no HTTP, no database.</summary>
public class BarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public void Render_IsWellFormedSvg_NamedByItsTitleAndDescription()
    {
        var svg = Parse(BarChart.Render(Model(), English));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("bar-chart-title bar-chart-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Claims by status", svg.Element(Svg + "title")!.Value);
        Assert.Equal("Three submitted, one approved.", svg.Element(Svg + "desc")!.Value);
        Assert.Contains("Claims by status", Texts(svg));
    }

    [Fact]
    public void Render_OneBarPerValue_LongerForTheLargerValue_WithItsValueAsLabelAndTooltip()
    {
        var svg = Parse(BarChart.Render(Model(), English));

        var bars = Bars(svg, 0);
        Assert.Equal(2, bars.Count);
        Assert.True(Width(bars[0]) > Width(bars[1]) * 2.5, "3 must be about three times as long as 1");
        Assert.Equal(["Claims, Submitted: 3", "Claims, Approved: 1"], bars.Select(b => b.Element(Svg + "title")!.Value));
        Assert.Contains("3", Texts(svg));
        Assert.Contains("Submitted", Texts(svg));
    }

    [Fact]
    public void Render_FormatsValuesAndTicksInTheReadersCulture()
    {
        var model = Model() with
        {
            Series = [new BarSeries("Hours", [1234.5, 12.25])],
            ValueFormat = "N1",
        };

        var texts = Texts(Parse(BarChart.Render(model, French)));

        Assert.Contains(1234.5.ToString("N1", French), texts);
        Assert.Contains(12.25.ToString("N1", French), texts);
        Assert.Contains(1500.ToString("N0", French), texts); // the top tick
    }

    [Fact]
    public void Render_InACommaCulture_KeepsCoordinatesInvariant()
    {
        var model = Model() with { Series = [new BarSeries("Hours", [10.33, 7.77])], Reference = 8.5, ReferenceLabel = "Target" };

        var svg = Parse(BarChart.Render(model, French));

        var coordinates = svg.Descendants().SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName is "x" or "y" or "x1" or "y1" or "x2" or "y2" or "width" or "height")
            .Select(a => a.Value)
            .ToList();
        Assert.NotEmpty(coordinates);
        Assert.All(coordinates, value => Assert.Matches(@"^-?\d+(\.\d)?$", value));
    }

    [Fact]
    public void Render_TwoSeries_DifferByHatchingAsWellAsColour_AndGetALegend()
    {
        var model = Model() with { Series = [new BarSeries("Open", [3, 2]), new BarSeries("Overdue", [1, 0])], IdPrefix = "stages" };

        var svg = Parse(BarChart.Render(model, English));

        Assert.StartsWith("#", (string?)Bars(svg, 0)[0].Attribute("fill"));
        Assert.Equal("url(#stages-fill-1)", (string?)Bars(svg, 1)[0].Attribute("fill"));
        var pattern = Assert.Single(svg.Descendants(Svg + "pattern"));
        Assert.Equal("stages-fill-1", (string?)pattern.Attribute("id"));
        Assert.Contains("Open", Texts(svg));
        Assert.Contains("Overdue", Texts(svg));
    }

    [Fact]
    public void Render_AZeroValue_KeepsASliverAndItsLabel()
    {
        var model = Model() with { Series = [new BarSeries("Claims", [3, 0])] };

        var svg = Parse(BarChart.Render(model, English));

        Assert.Equal(1, Width(Bars(svg, 0)[1]));
        Assert.Contains("0", Texts(svg));
    }

    [Fact]
    public void Render_AReference_DrawsADashedLineAtItsValue_AndALegendEntry()
    {
        var model = Model() with { Series = [new BarSeries("Hours", [60, 120])], Reference = 240, ReferenceLabel = "Target: 240 hours" };

        var svg = Parse(BarChart.Render(model, English));

        var reference = Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "reference");
        var line = reference.Element(Svg + "line")!;
        Assert.Equal("6 4", (string?)line.Attribute("stroke-dasharray"));
        Assert.Equal("Target: 240 hours", reference.Element(Svg + "title")!.Value);
        // The axis reaches the target even though every bar is shorter.
        var longest = Bars(svg, 0).Max(b => X(b) + Width(b));
        Assert.True(double.Parse((string)line.Attribute("x1")!, CultureInfo.InvariantCulture) > longest);
        Assert.Contains("Target: 240 hours", Texts(svg));
    }

    [Fact]
    public void Render_NoValue_ShowsTheNoDataTextAndNoBar()
    {
        var model = Model() with { Series = [new BarSeries("Hours", [null, null])] };

        var svg = Parse(BarChart.Render(model, English));

        Assert.Contains("Nothing to show", Texts(svg));
        Assert.Empty(Bars(svg, 0));
    }

    [Fact]
    public void Render_MoreCategories_MakeATallerChart()
    {
        var two = Parse(BarChart.Render(Model(), English));
        var four = Parse(BarChart.Render(Model() with { Categories = ["A", "B", "C", "D"], Series = [new BarSeries("Claims", [1, 2, 3, 4])] }, English));

        Assert.True(Height(four) > Height(two));
        Assert.Equal($"0 0 {BarChart.Width} {Height(four)}", (string?)four.Attribute("viewBox"));
    }

    [Fact]
    public void Render_WithoutAVisibleTitle_StillNamesItselfForScreenReaders()
    {
        var svg = Parse(BarChart.Render(Model() with { ShowsTitle = false }, English));

        Assert.DoesNotContain("Claims by status", Texts(svg));
        Assert.Equal("Claims by status", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Render_EscapesTheTexts_AndSanitisesTheIdPrefix()
    {
        var model = Model() with { Categories = ["<script>alert(1)</script>", "B"], IdPrefix = "x\" onload=\"y" };

        var text = BarChart.Render(model, English);

        var svg = Parse(text);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        Assert.Null(svg.Attribute("onload"));
        Assert.Equal("xonloady-title xonloady-desc", (string?)svg.Attribute("aria-labelledby"));
    }

    private static BarChartModel Model() => new(
        "Claims by status", "Three submitted, one approved.", "Claims", "Nothing to show",
        ["Submitted", "Approved"], [new BarSeries("Claims", [3, 1])]);

    /// <summary>The bars of one series (the legend's swatches excluded).</summary>
    private static List<XElement> Bars(XElement svg, int series) =>
        [.. svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == $"series series-{series}").SelectMany(g => g.Elements(Svg + "rect"))];

    private static double Width(XElement rect) => double.Parse((string)rect.Attribute("width")!, CultureInfo.InvariantCulture);

    private static double X(XElement rect) => double.Parse((string)rect.Attribute("x")!, CultureInfo.InvariantCulture);

    private static int Height(XElement svg) => int.Parse((string)svg.Attribute("height")!, CultureInfo.InvariantCulture);

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static List<string> Texts(XElement svg) => [.. svg.Descendants(Svg + "text").Select(t => t.Value)];
}
