using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Resources;
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
    public static int StatusFor(string code) => code switch
    {
        ErrorCodes.NotFound or ErrorCodes.AttachmentNotFound or ErrorCodes.PartnerNotFound or ErrorCodes.ConsentLinkInvalid => StatusCodes.Status404NotFound,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.Unauthorized or ErrorCodes.InvalidCredentials => StatusCodes.Status401Unauthorized,
        ErrorCodes.VersionMismatch => StatusCodes.Status412PreconditionFailed,
        ErrorCodes.IfMatchRequired => StatusCodes.Status428PreconditionRequired,
        ErrorCodes.AttachmentTooLarge or ErrorCodes.RequestTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.AttachmentTypeNotAllowed or ErrorCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.InternalError => StatusCodes.Status500InternalServerError,
        ErrorCodes.InvalidTransition or ErrorCodes.UnitAlreadyAssociated or ErrorCodes.SubscriptionAlreadyClaimed
            or ErrorCodes.WorkloadAlreadyClaimed or ErrorCodes.ExternalIdTaken or ErrorCodes.DisputeWindowClosed
            or ErrorCodes.ConsentWindowClosed or ErrorCodes.EmailTaken or ErrorCodes.MpnIdTaken or ErrorCodes.PartnerNameTaken
            or ErrorCodes.FieldNotEditable or ErrorCodes.NotYetDue or ErrorCodes.ConcurrentUpdate => StatusCodes.Status409Conflict,
        ErrorCodes.MalformedJson or ErrorCodes.MalformedRequest or ErrorCodes.CursorInvalid or ErrorCodes.FilterInvalid
            or ErrorCodes.IdempotencyKeyInvalid or ErrorCodes.ImportMalformed
            or ErrorCodes.UsageRangeInvalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static IResult ToProblem(this DomainError error, HttpContext http) => ToProblem([error], http);

    public static IResult ToProblem(this IReadOnlyList<DomainError> errors, HttpContext http) =>
        TypedResults.Problem(Create(errors, http));

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
            Instance = http.Request.Path,
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
            return string.Format(CultureInfo.CurrentCulture, template.Value, error.Args);
        }
        catch (FormatException)
        {
            // Fewer arguments than the sentence expects: the title says it without them.
            return localizer[error.Code].Value;
        }
    }
}
