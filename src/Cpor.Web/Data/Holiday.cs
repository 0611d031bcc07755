namespace Cpor.Web.Data;

/// <summary>A holiday of the business calendar.</summary>
public sealed class Holiday
{
    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
}
