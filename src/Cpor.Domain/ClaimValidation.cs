namespace Cpor.Domain;

/// <summary>The outcome of validating a claim: the typed claim, or every error found.</summary>
public sealed record ClaimValidation(ClaimDetails? Details, IReadOnlyList<ResolvedProduct> Products, IReadOnlyList<DomainError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
