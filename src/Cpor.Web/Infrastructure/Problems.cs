using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// The one place where expected failures become RFC 9457 problem details: HTTP status by code,
/// localized title and detail, the offending fields in <c>errors</c>, and every violation with
/// its own code in <c>violations</c>.
/// </summary>
public static class Problems
{
    /// <summary>The HTTP status of a code, from the kind it declares; an unknown code throws.</summary>
    public static int StatusFor(string code) => StatusFor(ErrorCodes.Of(code).Kind);

    /// <summary>The HTTP status of each kind of error. No default arm: a new kind must be mapped here.</summary>
    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Malformed => StatusCodes.Status400BadRequest,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.Internal => StatusCodes.Status500InternalServerError,
    };

    public static IResult ToProblem(this DomainError error, HttpContext http) => ToProblem([error], http);

    public static IResult ToProblem(this IReadOnlyList<DomainError> errors, HttpContext http) =>
        TypedResults.Problem(Create(errors, http));

    /// <summary>200 with the use case's value, or the problem that refused it.</summary>
    public static IResult ToOk<T>(this Outcome<T> outcome, HttpContext http) =>
        outcome.IsSuccess ? TypedResults.Ok(outcome.Value) : outcome.Errors.ToProblem(http);

    /// <summary>A parsed request (a list's filters) refused, or 200 with what <paramref name="next"/> makes of it.</summary>
    public static async Task<IResult> ThenOkAsync<TRequest, T>(this Outcome<TRequest> request, HttpContext http, Func<TRequest, Task<Outcome<T>>> next) =>
        request.IsSuccess ? (await next(request.Value!)).ToOk(http) : request.Errors.ToProblem(http);

    public static ProblemDetails Create(IReadOnlyList<DomainError> errors, HttpContext http, int? status = null)
    {
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<ErrorMessages>>();
        var first = errors[0];
        var problem = new ProblemDetails
        {
            Type = $"urn:cpor:problem:{first.Code}",
            Status = status ?? StatusFor(first.Code),
            Title = localizer[first.Code].Value,
            Detail = Detail(localizer, first),
            Instance = RequestPath(http),
        };
        problem.Extensions["code"] = first.Code;
        var fields = errors.Where(e => e.Field is not null)
            .GroupBy(e => e.Field!)
            .ToDictionary(g => g.Key, g => g.Select(e => Detail(localizer, e)).ToArray());
        if (fields.Count > 0)
        {
            problem.Extensions["errors"] = fields;
        }

        if (first.Field is not null)
        {
            problem.Extensions["field"] = first.Field;
        }

        problem.Extensions["violations"] = errors.Select(e => new { code = e.Code, field = e.Field, detail = Detail(localizer, e) }).ToArray();
        // The W3C trace id: the one every log line of the request carries (docs/operations.md, Telemetry).
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        return problem;
    }

    /// <summary>
    /// The path the client asked for: while the exception handler or the status pages re-execute a
    /// request, <c>Request.Path</c> is theirs (<c>/Status</c>), not the client's.
    /// </summary>
    public static string RequestPath(HttpContext http) =>
        http.Features.Get<IExceptionHandlerPathFeature>()?.Path
        ?? http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
        ?? http.Request.Path.Value
        ?? "";

    /// <summary>
    /// An argument as the reader says it: statuses and reasons by the names the pages show (UiText, as
    /// <c>Display</c>), actions and edit scopes by the words of ErrorMessages (<c>ClaimAction.Approve</c>…);
    /// anything else as it is.
    /// </summary>
    public static object Argument(IStringLocalizer localizer, object argument) => argument switch
    {
        ClaimStatus status => UiName("status." + status),
        RejectionReason reason => UiName("reason.rejection." + reason),
        EndReason reason => UiName("reason.end." + reason),
        InfoRequestReason reason => UiName("reason.info." + reason),
        Enum value when localizer[value.GetType().Name + "." + value] is { ResourceNotFound: false } text => text.Value,
        _ => argument,
    };

    private static readonly System.Resources.ResourceManager UiTexts = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    private static string UiName(string key) => UiTexts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The localized sentence for an error, its arguments filled in.</summary>
    public static string Detail(IStringLocalizer localizer, DomainError error)
    {
        var template = localizer[error.Code + ".detail"];
        if (template.ResourceNotFound)
        {
            return localizer[error.Code].Value;
        }

        try
        {
            return string.Format(CultureInfo.CurrentCulture, template.Value, [.. error.Args.Select(a => Argument(localizer, a))]);
        }
        catch (FormatException)
        {
            // Fewer arguments than the sentence expects: the title says it without them.
            return localizer[error.Code].Value;
        }
    }
}
