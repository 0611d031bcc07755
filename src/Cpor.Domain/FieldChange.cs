namespace Cpor.Domain;

/// <summary>One field's value before and after a change, as shown in the history.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
