using System.Linq.Expressions;

namespace Cpor.Web.Infrastructure;

/// <summary>List filters: a condition joins the query only when the caller asked for it.</summary>
public static class QueryableFilters
{
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool asked, Expression<Func<T, bool>> predicate) =>
        asked ? query.Where(predicate) : query;
}
