using System.Security.Claims;
using Cpor.Domain;

namespace Cpor.Web.Infrastructure;

/// <summary>The signed-in person, read from the principal: id, roles and the organisation or tenant they belong to.</summary>
public sealed class CurrentUser
{
    private readonly HashSet<string> _roles;

    public CurrentUser(ClaimsPrincipal principal)
    {
        Id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        Email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name) ?? "";
        Name = principal.FindFirstValue(CporClaimTypes.DisplayName) is { Length: > 0 } name ? name : Email;
        _roles = [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        PartnerOrgId = principal.FindFirstValue(CporClaimTypes.PartnerOrg) is { Length: > 0 } org ? org : null;
        TenantId = Guid.TryParse(principal.FindFirstValue(CporClaimTypes.Tenant), out var tenant) ? tenant : null;
        Language = principal.FindFirstValue(CporClaimTypes.Language) ?? "en";
        TimeZone = principal.FindFirstValue(CporClaimTypes.TimeZone) ?? "UTC";
    }

    public string Id { get; }

    public string Email { get; }

    public string Name { get; }

    public IReadOnlySet<string> Roles => _roles;

    public string? PartnerOrgId { get; }

    public Guid? TenantId { get; }

    public string Language { get; }

    public string TimeZone { get; }

    public bool IsAuthenticated => Id.Length > 0;

    public bool IsPartner => PartnerOrgId is not null && _roles.Overlaps(Infrastructure.Roles.Partner);

    public bool IsReviewer => Has(Infrastructure.Roles.Reviewer);

    public bool IsProgramAdmin => Has(Infrastructure.Roles.ProgramAdmin);

    public bool IsCustomerAdmin => TenantId is not null && Has(Infrastructure.Roles.CustomerAdmin);

    /// <summary>How this user appears in history lines.</summary>
    public Actor Actor => new(
        IsReviewer ? ActorKind.Reviewer
        : IsPartner ? ActorKind.Partner
        : IsCustomerAdmin ? ActorKind.Customer
        : ActorKind.Admin,
        Id,
        Name);

    public bool Has(string role) => _roles.Contains(role);

    public bool HasAny(params string[] roles) => roles.Any(_roles.Contains);

    /// <summary>Reviewers see every claim; partner users see their organisation's; nobody else sees any.</summary>
    public bool CanSee(Cpor.Domain.Claim claim) => IsReviewer || (IsPartner && claim.PartnerOrgId == PartnerOrgId);
}
