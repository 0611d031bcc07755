using Cpor.Domain;

namespace Cpor.Web.Data;

/// <summary>
/// The eligibility verdict of one association (CPOR.md §10), written in the transaction that made
/// it Active, written again when the facts it depends on change (the directory, the MPN ID's
/// enrolments) while it is Active, and a last time when it ends: an ended association keeps the
/// verdict of its end.
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

    /// <summary>Takes the newer verdict's values.</summary>
    public void Replace(AssociationEligibility newer)
    {
        Eligible = newer.Eligible;
        ProgramId = newer.ProgramId;
        Reasons = [.. newer.Reasons];
        EvaluatedAt = newer.EvaluatedAt;
    }

    public static AssociationEligibility From(string associationId, EligibilityResult result, DateTimeOffset at) => new()
    {
        AssociationId = associationId,
        Eligible = result.Eligible,
        ProgramId = result.ProgramId,
        Reasons = [.. result.Reasons],
        EvaluatedAt = at,
    };
}
