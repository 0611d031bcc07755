using Cpor.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Gives the empty 401, 403, 404 and 405 answers of the framework (no token, unknown route...)
/// the same problem details body as every other API error; a browser gets the UI's status page.
/// </summary>
public static class ApiStatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            await Pages.StatusPage.ReExecuteAsync(context);
            return;
        }

        var code = http.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
            StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
            StatusCodes.Status404NotFound => ErrorCodes.NotFound,
            StatusCodes.Status405MethodNotAllowed => ErrorCodes.MalformedRequest,
            StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
            _ => null,
        };
        if (code is null)
        {
            return;
        }

        var problem = Problems.Create([new DomainError(code)], http, http.Response.StatusCode);
        await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
