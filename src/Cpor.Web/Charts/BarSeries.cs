namespace Cpor.Web.Charts;

/// <summary>One named set of bars: a value per category of the chart, in the categories' order; null where there is none.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double?> Values);
