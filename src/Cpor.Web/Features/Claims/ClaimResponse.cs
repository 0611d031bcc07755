using Cpor.Domain;

namespace Cpor.Web.Features.Claims;

public sealed record ClaimProductResponse(string ProductId, Guid? SubscriptionId);

public sealed record ContactResponse(string Name, string? Title, string Email);

public sealed record PartnerContactResponse(string Name, string Email);

public sealed record RevenueAssociationResponse(string SolutionSellerName, string CustomerName, string IsvProductName);

public sealed record AttachmentResponse(string Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>
/// One unit's association as its claim shows it: associations live and end per unit (decision
/// 0010). <c>handoverPending</c>: arbitration gave the unit to another partner, whose association
/// takes it when it becomes Active — until then this one holds it.
/// </summary>
public sealed record ClaimAssociationResponse(
    string Id,
    string ProductId,
    Guid? SubscriptionId,
    AssociationState State,
    DateTimeOffset ApprovedAt,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? EndedAt,
    EndReason? EndReason,
    bool HandoverPending)
{
    public static ClaimAssociationResponse From(Association a) =>
        new(a.Id, a.ProductId, a.SubscriptionId, a.State, a.ApprovedAt, a.ActiveFrom, a.EndedAt, a.EndReason, a.HandoverPending);
}

/// <summary>
/// A claim as the API shows it (API.md, "Claim JSON"). <c>status</c> reads the claim as a whole
/// (Active while any unit is Active, Ended when all have ended); <c>associations</c> gives each
/// unit's own state, oldest first.
/// </summary>
public sealed record ClaimResponse(
    string Id,
    string Name,
    string? ExternalId,
    string PartnerOrgId,
    string MpnId,
    Guid TenantId,
    string CustomerDomain,
    SolutionArea SolutionArea,
    Activity Activity,
    string? ProgramId,
    IReadOnlyList<ClaimProductResponse> Products,
    ContactResponse CustomerContact,
    ContactResponse? TechnicalContact,
    PartnerContactResponse PartnerContact,
    RevenueAssociationResponse? RevenueAssociation,
    ClaimStatus Status,
    string? StatusReason,
    IReadOnlyList<InfoRequestReason> InfoRequestReasons,
    bool Competing,
    DateTimeOffset? DueAt,
    bool Overdue,
    DateTimeOffset? ConsentEndsAt,
    DateTimeOffset? DisputeWindowEndsAt,
    DateTimeOffset? NextAutoActionAt,
    string? DisputeJustification,
    string? ReviewerId,
    IReadOnlyList<AttachmentResponse> Attachments,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int Version,
    IReadOnlyList<ClaimAssociationResponse> Associations)
{
    public static ClaimResponse From(Claim c, DateTimeOffset now) => new(
        c.Id,
        c.Name,
        c.ExternalId,
        c.PartnerOrgId,
        c.MpnId,
        c.TenantId,
        c.CustomerDomain,
        c.SolutionArea,
        c.Activity,
        c.ProgramId,
        [.. c.Products.Select(p => new ClaimProductResponse(p.ProductId, p.SubscriptionId))],
        new ContactResponse(c.CustomerContact.Name, c.CustomerContact.Title, c.CustomerContact.Email),
        c.TechnicalContact is { } t ? new ContactResponse(t.Name, t.Title, t.Email) : null,
        new PartnerContactResponse(c.PartnerContact.Name, c.PartnerContact.Email),
        c.RevenueAssociation is { } r ? new RevenueAssociationResponse(r.SolutionSellerName, r.CustomerName, r.IsvProductName) : null,
        c.Status,
        c.StatusReason,
        c.InfoRequestReasons,
        c.Competing,
        c.DueAt,
        c.IsOverdue(now),
        c.ConsentEndsAt,
        c.DisputeWindowEndsAt,
        c.NextAutoActionAt,
        c.DisputeJustification,
        c.ReviewerId,
        [.. c.Attachments.OrderBy(a => a.UploadedAt).Select(a => new AttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedByName))],
        c.SubmittedAt,
        c.DecidedAt,
        c.CreatedAt,
        c.CreatedBy,
        c.UpdatedAt,
        c.UpdatedBy,
        c.Version,
        [.. c.Associations.OrderBy(a => a.Id, StringComparer.Ordinal).Select(ClaimAssociationResponse.From)]);
}
