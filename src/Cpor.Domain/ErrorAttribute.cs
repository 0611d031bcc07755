namespace Cpor.Domain;

/// <summary>
/// Declares, on a constant of <see cref="ErrorCodes"/>, the kind of the code (and so its HTTP
/// status) and whether it is about the protocol rather than a business rule.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class ErrorAttribute(ErrorKind kind) : Attribute
{
    public ErrorKind Kind { get; } = kind;

    /// <summary>True for codes about HTTP and the transport rather than business rules.</summary>
    public bool Protocol { get; set; }
}
