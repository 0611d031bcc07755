namespace Cpor.Domain;

/// <summary>A person to contact. The partner contact has no title.</summary>
public sealed record Contact(string Name, string? Title, string Email);
