namespace Cpor.Web.Pages;

/// <summary>A demo account offered on the sign-in page.</summary>
public sealed record DemoSignIn(string Email, string Role, string Name, string? Place, string Language);
