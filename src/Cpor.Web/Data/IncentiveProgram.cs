namespace Cpor.Web.Data;

/// <summary>An incentive program; its consent window is configurable.</summary>
public sealed class IncentiveProgram
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public int ConsentWindowDays { get; set; }
}
