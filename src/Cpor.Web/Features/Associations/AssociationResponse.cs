using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Features.Associations;

/// <summary>An official association as the API shows it: one claimed unit of one claim.</summary>
public sealed record AssociationResponse(
    string Id,
    string ClaimId,
    string ClaimName,
    string PartnerOrgId,
    string MpnId,
    Guid TenantId,
    SolutionArea SolutionArea,
    Activity Activity,
    string? ProgramId,
    string ProductId,
    Guid? SubscriptionId,
    UnitKind UnitKind,
    AssociationState State,
    DateTimeOffset ApprovedAt,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? EndedAt,
    EndReason? EndReason,
    bool Legacy,
    DateTimeOffset? ExpiresAt,
    bool? Eligible)
{
    public static AssociationResponse From(Association a, string claimName, bool? eligible) => new(
        a.Id, a.ClaimId, claimName, a.PartnerOrgId, a.MpnId, a.TenantId, a.SolutionArea, a.Activity, a.ProgramId, a.ProductId,
        a.SubscriptionId, a.UnitKind, a.State, a.ApprovedAt, a.ActiveFrom, a.EndedAt, a.EndReason, a.Legacy, a.ExpiresAt, eligible);
}

/// <summary>One reason an association is not eligible, in the caller's language.</summary>
public sealed record EligibilityReasonResponse(string Code, string Title, string Detail)
{
    public static EligibilityReasonResponse From(EligibilityReason reason, IStringLocalizer<AssociationText> text)
    {
        var title = text[reason.Code].Value;
        var template = text[reason.Code + ".detail"];
        var args = reason.Args.Select(Display).ToArray<object>();
        var detail = template.ResourceNotFound ? title : string.Format(CultureInfo.CurrentCulture, template.Value, args);
        return new EligibilityReasonResponse(reason.Code, title, detail);
    }

    /// <summary>Dates are stored in round-trip form and shown in the caller's culture.</summary>
    private static string Display(string arg) =>
        DateTimeOffset.TryParseExact(arg, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("d", CultureInfo.CurrentCulture)
            : arg;
}

/// <summary>
/// Partner contribution credit of an association (docs/decisions/0007-eligibility-and-credit.md),
/// with a sentence saying what it rewards. Months are <c>yyyy-MM</c>. Reviewers also see which
/// organisation is the digital partner of record; partners only that they outrank one.
/// </summary>
public sealed record CreditResponse(
    CreditBasis Basis,
    CreditMeasure? Measure,
    string? BaselineMonth,
    int BaselineValue,
    string? MeasuredMonth,
    int MeasuredValue,
    int NewDeployments,
    int ActiveUsageGrowth,
    int NetNewSeats,
    int NetCustomerAdds,
    bool OutranksDigitalPartner,
    string? DigitalPartnerOrgId,
    string Detail)
{
    public static CreditResponse From(CreditResult credit, IStringLocalizer<AssociationText> text, bool showDigitalPartner)
    {
        var key = credit.Measure is { } measure ? $"credit.{credit.Basis}.{measure}" : "credit.None";
        var detail = text[key].Value;
        if (credit.OutranksDigitalPartner)
        {
            detail += " " + text["credit.outranksDigitalPartner"].Value;
        }

        return new CreditResponse(
            credit.Basis, credit.Measure, Month(credit.BaselineMonth), credit.BaselineValue, Month(credit.MeasuredMonth), credit.MeasuredValue,
            credit.NewDeployments, credit.ActiveUsageGrowth, credit.NetNewSeats, credit.NetCustomerAdds, credit.OutranksDigitalPartner,
            showDigitalPartner ? credit.DigitalPartnerOrgId : null, detail);
    }

    private static string? Month(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>GET /api/v1/associations/{id}/eligibility.</summary>
public sealed record EligibilityResponse(
    string AssociationId,
    bool Eligible,
    string? ProgramId,
    IReadOnlyList<EligibilityReasonResponse> Reasons,
    DateTimeOffset EvaluatedAt,
    CreditResponse Credit);

/// <summary>One line of the earnings view: an eligible association, the IDs to find it by, and its credit.</summary>
public sealed record EarningResponse(
    string AssociationId,
    string ClaimId,
    string ClaimName,
    string PartnerOrgId,
    string MpnId,
    string? ProgramId,
    Activity Activity,
    Guid TenantId,
    string ProductId,
    Guid? SubscriptionId,
    UnitKind UnitKind,
    AssociationState State,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? EndedAt,
    DateTimeOffset EvaluatedAt,
    CreditResponse Credit);
