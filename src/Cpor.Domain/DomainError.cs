namespace Cpor.Domain;

/// <summary>
/// An expected failure: a stable code (CPOR.md §7), the offending field when there is one, and
/// arguments for the localized message. Returned as a value, never thrown.
/// </summary>
public sealed record DomainError(string Code, string? Field = null, params object[] Args)
{
    public override string ToString() => Field is null ? Code : $"{Code} ({Field})";
}
