using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// The filters of the association list and the earnings view, as the query string holds them —
/// the API's own names (<c>state</c>, <c>programId</c>, <c>productId</c>, <c>tenantId</c>,
/// <c>partnerOrgId</c>), parsed by the API's <c>AssociationQuery</c> — and the links that keep them
/// across pages.
/// </summary>
public sealed class AssociationFilters(IQueryCollection query, string path)
{
    public static readonly IReadOnlyList<string> Names = ["state", "programId", "productId", "tenantId", "partnerOrgId"];

    /// <summary>Where the form and its links go.</summary>
    public string Path => path;

    public bool IsFiltered => Names.Any(name => Value(name) is not null);

    public bool IsFirstPage => string.IsNullOrEmpty(query["cursor"]);

    public string? Value(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>The input of an API field named in an error, or null when the form has none (the cursor).</summary>
    public static string? InputOf(string field) => Names.Contains(field) ? "filter-" + field : null;

    /// <summary>This list with the same filters (and page size) and another cursor (null: the first page).</summary>
    public string Link(string? cursor = null)
    {
        var values = Names.Append("limit")
            .Where(name => !StringValues.IsNullOrEmpty(query[name]))
            .Select(name => KeyValuePair.Create(name, query[name]))
            .ToList();
        if (cursor is not null)
        {
            values.Add(KeyValuePair.Create("cursor", new StringValues(cursor)));
        }

        return QueryHelpers.AddQueryString(path, values);
    }

    /// <summary>This list filtered by one more value (a tenant ID clicked in a row), from the first page.</summary>
    public string With(string name, string value)
    {
        var values = Names.Append("limit")
            .Where(n => n != name && !StringValues.IsNullOrEmpty(query[n]))
            .Select(n => KeyValuePair.Create(n, query[n]))
            .Append(KeyValuePair.Create(name, new StringValues(value)));
        return QueryHelpers.AddQueryString(path, values);
    }
}
