using Cpor.Web.Features.Admin;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// What the association pages name by ID: programs and products (the catalog), and for reviewers
/// the partner organisations, whose filter and column only they get.
/// </summary>
public sealed record AssociationChoices(
    IReadOnlyList<ProgramResponse> Programs,
    IReadOnlyList<ProductResponse> Products,
    IReadOnlyList<PartnerResponse> Partners)
{
    public static readonly AssociationChoices None = new([], [], []);

    public static async Task<AssociationChoices> LoadAsync(Catalog catalog, PartnerAdmin partners, CurrentUser user, CancellationToken ct)
    {
        var entries = await catalog.GetAsync(ct);
        IReadOnlyList<PartnerResponse> orgs = user.IsReviewer ? (await partners.ListAsync(ct)).Value ?? [] : [];
        return new AssociationChoices(entries.Programs, entries.Products, orgs);
    }

    public string Program(string? programId) => Programs.FirstOrDefault(p => p.Id == programId)?.Name ?? programId ?? "";

    public string Product(string productId) => Products.FirstOrDefault(p => p.Id == productId)?.Name ?? productId;

    public string Partner(string partnerOrgId) => Partners.FirstOrDefault(p => p.Id == partnerOrgId)?.Name ?? partnerOrgId;
}
