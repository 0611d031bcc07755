using Cpor.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Gives the empty 401, 403, 404, 405, 413 and 415 answers of the framework (no token, unknown route...)
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

        var error = http.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => new DomainError(ErrorCodes.Unauthorized),
            StatusCodes.Status403Forbidden => new DomainError(ErrorCodes.Forbidden),
            StatusCodes.Status404NotFound => new DomainError(ErrorCodes.NotFound),
            StatusCodes.Status405MethodNotAllowed => new DomainError(ErrorCodes.MalformedRequest),
            // A JSON body over the server's limit: the endpoint's binding gave up and left the status only.
            StatusCodes.Status413PayloadTooLarge => UnexpectedErrorHandler.TooLarge(http, http.Request.Path),
            StatusCodes.Status415UnsupportedMediaType => new DomainError(ErrorCodes.UnsupportedMediaType),
            _ => null,
        };
        if (error is null)
        {
            return;
        }

        var problem = Problems.Create([error], http, http.Response.StatusCode);
        await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
