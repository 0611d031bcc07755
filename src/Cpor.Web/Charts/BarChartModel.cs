namespace Cpor.Web.Charts;

/// <summary>
/// Everything a bar chart shows. Every text is already in the reader's language: the renderer
/// writes no words of its own, only numbers in the reader's culture.
/// </summary>
/// <param name="Title">Shown above the chart and read first by screen readers.</param>
/// <param name="Description">A sentence summing the data up for screen readers.</param>
/// <param name="ValueAxisLabel">What the horizontal axis counts (claims, business hours).</param>
/// <param name="NoDataText">Shown instead of bars when no series has a value.</param>
/// <param name="Categories">One row of bars each, top to bottom.</param>
/// <param name="Series">The bars of each row, one per series; two or more series get a legend.</param>
/// <param name="ValueFormat">The .NET number format of values and their labels (<c>N0</c> counts, <c>N1</c> hours).</param>
/// <param name="PointFormat">Tooltip of a bar: {0} series, {1} category, {2} value.</param>
/// <param name="IdPrefix">Prefix of the element ids, unique per page when several charts are inlined.</param>
/// <param name="Reference">A value marked across the rows by a dashed line (a target), or null.</param>
/// <param name="ReferenceLabel">The reference line's legend entry and tooltip.</param>
/// <param name="ShowsTitle">False when the page already shows the title as a heading: the chart then names itself only to screen readers.</param>
public sealed record BarChartModel(
    string Title,
    string Description,
    string ValueAxisLabel,
    string NoDataText,
    IReadOnlyList<string> Categories,
    IReadOnlyList<BarSeries> Series,
    string ValueFormat = "N0",
    string PointFormat = "{0}, {1}: {2}",
    string IdPrefix = "bar-chart",
    double? Reference = null,
    string? ReferenceLabel = null,
    bool ShowsTitle = true);
