namespace Cpor.Web.Resources;

/// <summary>Marker of ErrorMessages.resx: titles (<c>code</c>) and details (<c>code.detail</c>) of every error code.</summary>
public sealed class ErrorMessages;
