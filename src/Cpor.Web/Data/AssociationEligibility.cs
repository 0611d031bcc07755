using Cpor.Domain;

namespace Cpor.Web.Data;

/// <summary>
/// The eligibility verdict of one official association (CPOR.md §10), written in the transaction
/// that made it Active and kept as it was then: the partner sees why it was (not) eligible at that
/// moment, even after the directory changed.
/// </summary>
public sealed class AssociationEligibility
{
    public string AssociationId { get; set; } = "";

    public bool Eligible { get; set; }

    /// <summary>The program the association counts for; null for revenue association.</summary>
    public string? ProgramId { get; set; }

    /// <summary>Why not eligible; empty when eligible. Stored as JSON (code and arguments).</summary>
    public List<EligibilityReason> Reasons { get; set; } = [];

    public DateTimeOffset EvaluatedAt { get; set; }

    public static AssociationEligibility From(string associationId, EligibilityResult result, DateTimeOffset at) => new()
    {
        AssociationId = associationId,
        Eligible = result.Eligible,
        ProgramId = result.ProgramId,
        Reasons = [.. result.Reasons],
        EvaluatedAt = at,
    };
}
