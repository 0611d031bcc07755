using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// Associations and data (API.md): a partner's official associations, the usage or seat facts of
/// each association's unit (JSON, CSV, SVG chart), its eligibility and credit, and the earnings
/// view. Partner users see their organisation's, reviewers all; anything else is 404.
/// </summary>
public static class AssociationEndpoints
{
    public static IServiceCollection AddAssociationsFeature(this IServiceCollection services)
    {
        services.AddScoped<EligibilityEvaluator>();
        services.AddScoped<IClaimEventObserver, EligibilityObserver>();
        services.AddScoped<CreditCalculator>();
        services.AddScoped<ListAssociations>();
        services.AddScoped<GetAssociationUsage>();
        services.AddScoped<GetEligibility>();
        services.AddScoped<ListEarnings>();
        return services;
    }

    public static RouteGroupBuilder MapAssociationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/associations").WithTags("Associations").RequireAuthorization(Policies.Api);

        group.MapGet("/", (ListAssociations handler, HttpContext http, int? limit, string? cursor, CancellationToken ct) =>
                AssociationQuery.Parse(http.Request.Query).ThenOkAsync(http, query => handler.HandleAsync(query, limit, cursor, ct)))
            .WithSummary("My official associations (Active and Ended), newest first; filters state, tenantId, productId, programId, partnerOrgId (reviewers)")
            .Produces<Page<AssociationResponse>>()
            .AcceptsQuery(AssociationQuery.Parameters)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/earnings", (ListEarnings handler, HttpContext http, int? limit, string? cursor, CancellationToken ct) =>
                AssociationQuery.Parse(http.Request.Query).ThenOkAsync(http, query => handler.HandleAsync(query, limit, cursor, ct)))
            .WithSummary("Earnings view: my eligible associations with their subscription or tenant ID and partner contribution credit; same filters as the list")
            .Produces<Page<EarningResponse>>()
            .AcceptsQuery(AssociationQuery.Parameters)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}", async (string id, ListAssociations handler, HttpContext http, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToOk(http))
            .WithSummary("One official association")
            .Produces<AssociationResponse>()
            .ProducesReadProblems();

        group.MapGet("/{id}/usage", (string id, string? from, string? to, string? format, GetAssociationUsage handler, HttpContext http, CancellationToken ct) =>
                UsageAsync(id, from, to, format, handler, http, ct))
            .WithSummary("Monthly usage (active and enabled users) of the association's workload, or seats purchased and assigned of its subscription; "
                + "?from=yyyy-MM&to=yyyy-MM (default: the last 24 months), ?format=json|csv|svg")
            .Produces<UsageResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesReadProblems()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}/usage.csv", (string id, string? from, string? to, GetAssociationUsage handler, HttpContext http, CancellationToken ct) =>
                UsageAsync(id, from, to, "csv", handler, http, ct))
            .WithSummary("The same usage as a CSV download")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesReadProblems();

        group.MapGet("/{id}/usage.svg", (string id, string? from, string? to, GetAssociationUsage handler, HttpContext http, CancellationToken ct) =>
                UsageAsync(id, from, to, "svg", handler, http, ct))
            .WithSummary("The same usage as an accessible SVG line chart, in the caller's language")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesReadProblems();

        group.MapGet("/{id}/eligibility", async (string id, GetEligibility handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToOk(http))
            .WithSummary("Eligibility for incentive payment with the reasons, and the partner contribution credit")
            .Produces<EligibilityResponse>()
            .ProducesReadProblems();

        return group;
    }

    private static async Task<IResult> UsageAsync(
        string id, string? from, string? to, string? format, GetAssociationUsage handler, HttpContext http, CancellationToken ct)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (kind is not ("json" or "csv" or "svg"))
        {
            return new DomainError(ErrorCodes.FilterInvalid, "format", kind.Length > 20 ? kind[..20] : kind).ToProblem(http);
        }

        var outcome = await handler.HandleAsync(id, from, to, ct);
        if (!outcome.IsSuccess)
        {
            return outcome.Errors.ToProblem(http);
        }

        // The customer's data: never kept by a shared cache.
        http.Response.Headers.CacheControl = "private, no-store";
        var usage = outcome.Value!;
        switch (kind)
        {
            case "csv":
                http.Response.ContentType = UsageCsv.ContentType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{UsageCsv.FileName(usage)}\"";
                await UsageCsv.WriteAsync(usage, http.Response.Body, ct);
                return Results.Empty;
            case "svg":
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<AssociationText>>();
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'";
                return TypedResults.Text(UsageSvg.Render(usage, text, CultureInfo.CurrentCulture), UsageSvg.ContentType);
            default:
                return TypedResults.Ok(usage);
        }
    }
}
