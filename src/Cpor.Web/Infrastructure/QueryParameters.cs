using System.Reflection;
using Cpor.Domain;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// API reads refuse query parameters they do not know: <c>?statuz=Draft</c> is a typo, not "every
/// status", and <c>?format=csv</c> is not an export. Each unknown name answers <c>unknown_parameter</c>
/// (400) naming it. An endpoint knows the simple parameters of its handler (<c>int? limit, string? cursor</c>…),
/// the names it declares with <see cref="AcceptsQuery"/> (a list's filters, which <c>ClaimQuery</c> and
/// <c>AssociationQuery</c> read from the query string themselves), and the language (<c>culture</c>,
/// <c>ui-culture</c>, read by the localization middleware).
/// </summary>
public static class QueryParameters
{
    /// <summary>The query names of the request localization (<c>QueryStringRequestCultureProvider</c>), accepted everywhere.</summary>
    public static readonly IReadOnlyList<string> Language = ["culture", "ui-culture"];

    /// <summary>Adds the check to every GET endpoint of <paramref name="builder"/> (a route group, usually).</summary>
    public static TBuilder RefusingUnknownQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Filter);

    /// <summary>Query names the endpoint reads from <c>Request.Query</c> rather than through its handler's parameters.</summary>
    public static RouteHandlerBuilder AcceptsQuery(this RouteHandlerBuilder builder, IEnumerable<string> names) =>
        builder.WithMetadata(new AcceptedQuery(names.ToHashSet(StringComparer.OrdinalIgnoreCase)));

    /// <summary>The names an endpoint declared with <see cref="AcceptsQuery"/>.</summary>
    public sealed record AcceptedQuery(IReadOnlySet<string> Names);

    /// <summary>The unknown names of a query, given the names accepted: one <c>unknown_parameter</c> each.</summary>
    public static List<DomainError> Unknown(IQueryCollection query, Func<string, bool> accepted) =>
        [.. query.Keys
            .Where(k => !accepted(k) && !Language.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => new DomainError(ErrorCodes.UnknownParameter, k, k.Length > 40 ? k[..40] : k))];

    private static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var bound = context.MethodInfo.GetParameters().Where(IsQueryBound).Select(NameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return async invocation =>
        {
            var http = invocation.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) || http.Request.Query.Count == 0)
            {
                return await next(invocation);
            }

            var declared = http.GetEndpoint()?.Metadata.GetMetadata<AcceptedQuery>()?.Names;
            // A simple parameter named like a route value ("id" of /claims/{id}) binds from the route, not the query.
            var unknown = Unknown(http.Request.Query, k => (bound.Contains(k) && !http.Request.RouteValues.ContainsKey(k)) || declared?.Contains(k) == true);
            return unknown.Count > 0 ? unknown.ToProblem(http) : await next(invocation);
        };
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? parameter.Name ?? "";

    /// <summary>As minimal APIs bind them: an explicit [FromQuery], or a simple type with no other source.</summary>
    private static bool IsQueryBound(ParameterInfo parameter)
    {
        var attributes = parameter.GetCustomAttributes().ToList();
        if (attributes.OfType<IFromQueryMetadata>().Any())
        {
            return true;
        }

        if (attributes.Any(a => a is IFromRouteMetadata or IFromBodyMetadata or IFromServiceMetadata or IFromHeaderMetadata or IFromFormMetadata or AsParametersAttribute))
        {
            return false;
        }

        var type = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(StringValues) || type == typeof(Guid)
            || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly)
            || type == typeof(TimeOnly) || type == typeof(TimeSpan);
    }
}
