namespace Cpor.Web.Pages;

/// <summary>One refused value, in the person's language, the form input it is about (null: the whole form) and that input's label.</summary>
public sealed record FormError(string? InputId, string Message, string? Label = null);
