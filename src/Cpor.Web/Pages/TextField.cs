namespace Cpor.Web.Pages;

/// <summary>A labelled text input with its hint and its errors (rendered by <c>Shared/_TextField</c>).</summary>
public sealed record TextField(
    string Id,
    string Name,
    string Label,
    string? Value,
    IReadOnlyList<string> Errors,
    bool Required = false,
    string Type = "text",
    string? Hint = null,
    string? Autocomplete = null,
    bool Disabled = false)
{
    /// <summary>The ids of the hint and error elements that describe the input.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Errors.Count > 0 ? Id + "-error" : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

