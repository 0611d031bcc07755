namespace Cpor.Web.Pages;

/// <summary>The errors of one input (or group of inputs), rendered by <c>Shared/_FieldErrors</c> under the id <c>{Id}-error</c>.</summary>
public sealed record InputErrors(string Id, IReadOnlyList<string> Messages);
