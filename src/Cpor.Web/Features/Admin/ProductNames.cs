using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Admin;

/// <summary>
/// What people read for a product: its catalog name, not its id ("Microsoft Intune", not
/// <c>intune</c>). The API's JSON keeps ids; pages, history and spreadsheets show names.
/// </summary>
public static class ProductNames
{
    /// <summary>Every product's name by id (the catalog is small).</summary>
    public static Task<Dictionary<string, string>> LoadAsync(CporDb db, CancellationToken ct) =>
        db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);

    /// <summary>A product, with its subscription when it names one: "Dynamics 365 Sales (a0000000-…)".</summary>
    public static string Of(string productId, Guid? subscriptionId, IReadOnlyDictionary<string, string> names) =>
        names.GetValueOrDefault(productId, productId) + (subscriptionId is { } s ? $" ({s:D})" : "");

    /// <summary>
    /// A history line's products value as <c>Claim</c> writes it ("id (subscription), id"), each id
    /// replaced by its name; an id the catalog no longer has stays as it is.
    /// </summary>
    public static string OfHistoryValue(string value, IReadOnlyDictionary<string, string> names) =>
        string.Join(", ", value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var space = part.IndexOf(" (", StringComparison.Ordinal);
            var id = space < 0 ? part : part[..space];
            return names.GetValueOrDefault(id, id) + (space < 0 ? "" : part[space..]);
        }));
}
