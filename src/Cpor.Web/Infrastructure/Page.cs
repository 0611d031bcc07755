namespace Cpor.Web.Infrastructure;

/// <summary>The list envelope of API.md.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
