using Microsoft.AspNetCore.Diagnostics;

namespace Cpor.Web.Pages;

/// <summary>
/// Shows a browser the Status page for an empty 400, 403, 404, 405, 409 or 413 answer (a claim that is not
/// theirs, an expired form...), as a GET of <c>/Status</c> with the original status code: the
/// request that failed is never run twice.
/// </summary>
public static class StatusPage
{
    public static readonly IReadOnlySet<int> Shown = new HashSet<int>([400, 403, 404, 405, 409, 413, 500]);

    public static async Task ReExecuteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (!Shown.Contains(status) || !http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var request = http.Request;
        var (path, query, method, endpoint, routeValues) = (request.Path, request.QueryString, request.Method, http.GetEndpoint(), request.RouteValues);
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = path.Value ?? "",
            OriginalPathBase = request.PathBase.Value ?? "",
            OriginalQueryString = query.HasValue ? query.Value : null,
            Endpoint = endpoint,
            RouteValues = routeValues,
        });
        http.SetEndpoint(null);
        request.RouteValues = [];
        request.Path = "/Status";
        request.QueryString = QueryString.Create("code", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Method = HttpMethods.Get;
        try
        {
            await context.Next(http);
        }
        finally
        {
            request.Path = path;
            request.QueryString = query;
            request.Method = method;
            request.RouteValues = routeValues;
            http.SetEndpoint(endpoint);
            http.Features.Set<IStatusCodeReExecuteFeature>(null);
        }
    }
}
