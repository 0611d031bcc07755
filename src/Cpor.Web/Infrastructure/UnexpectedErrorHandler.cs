using System.Text.Json;
using Cpor.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Turns what escaped the handlers into problem details: malformed requests get their 4xx code,
/// anything else is logged and answered with a 500 that carries a trace id and no stack trace.
/// </summary>
public sealed class UnexpectedErrorHandler(ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The exception middleware has already set Request.Path to /Status: the client's path is the feature's.
        var path = Problems.RequestPath(http);
        var error = Classify(http, path, exception);
        if (error.Code == ErrorCodes.InternalError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, path);
        }
        else
        {
            logger.LogInformation("Refused malformed request on {Method} {Path}: {Message}", http.Request.Method, path, exception.Message);
        }

        if (http.Response.HasStarted)
        {
            return false;
        }

        if (IsPageRequest(http, path))
        {
            // A browser gets the localized status page: declining here lets the exception
            // middleware re-execute /Status, as a GET whatever the failed request was.
            http.Request.Method = HttpMethods.Get;
            http.Request.QueryString = QueryString.Create("code", (error.Code == ErrorCodes.InternalError ? 500 : Problems.StatusFor(error.Code)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }

        var problem = Problems.Create([error], http);
        http.Response.Clear();
        http.Response.StatusCode = problem.Status!.Value;
        await http.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }

    private static bool IsPageRequest(HttpContext http, PathString path) =>
        !path.StartsWithSegments("/api")
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static DomainError Classify(HttpContext http, PathString path, Exception exception)
    {
        return exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(http, path),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                new DomainError(ErrorCodes.UnsupportedMediaType),
            BadHttpRequestException { InnerException: JsonException json } =>
                new DomainError(ErrorCodes.MalformedJson, JsonField(json.Path), json.LineNumber ?? 0),
            BadHttpRequestException => new DomainError(ErrorCodes.MalformedRequest),
            JsonException json => new DomainError(ErrorCodes.MalformedJson, JsonField(json.Path), json.LineNumber ?? 0),
            // PostgreSQL broke a lock cycle or a serialization conflict: nothing was written, and the
            // same request (with its Idempotency-Key) can simply be sent again.
            PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } =>
                new DomainError(ErrorCodes.ConcurrentUpdate),
            _ when exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } =>
                new DomainError(ErrorCodes.ConcurrentUpdate),
            // Text PostgreSQL cannot store (a NUL character, say) is bad input, not a server fault.
            PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } =>
                new DomainError(ErrorCodes.MalformedRequest),
            _ when exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } =>
                new DomainError(ErrorCodes.MalformedRequest),
            _ => new DomainError(ErrorCodes.InternalError),
        };
    }

    /// <summary>
    /// A body over the server's limit: on a PoE upload the partner hears the file limit, as from the
    /// upload itself; elsewhere <c>request_too_large</c>.
    /// </summary>
    public static DomainError TooLarge(HttpContext http, PathString path) => IsAttachmentUpload(path)
        ? new DomainError(ErrorCodes.AttachmentTooLarge, "file", http.RequestServices.GetRequiredService<IOptions<CporOptions>>().Value.Attachments.MaxBytes / (1024 * 1024))
        : new DomainError(ErrorCodes.RequestTooLarge);

    /// <summary>POST /api/v1/claims/{id}/attachments.</summary>
    private static bool IsAttachmentUpload(PathString path) =>
        path.StartsWithSegments("/api/v1/claims") && path.Value!.EndsWith("/attachments", StringComparison.Ordinal);

    private static string? JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.TrimStart('$', '.');
}
