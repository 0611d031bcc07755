using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cpor.Web.Features.Review;

/// <summary>The reviewers' API of API.md: review transitions, arbitration, the SLA report.</summary>
public static class ReviewEndpoints
{
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.AddScoped<Arbitration>();
        services.AddScoped<Handover>();
        services.AddScoped<StartReview>();
        services.AddScoped<RequestInfo>();
        services.AddScoped<ApproveClaim>();
        services.AddScoped<RejectClaim>();
        services.AddScoped<ClaimCompetitors>();
        services.AddScoped<SlaReport>();
        return services;
    }

    public static RouteGroupBuilder MapReviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/claims/{id}").WithTags("Review").RequireAuthorization(Policies.Api);

        group.MapClaimChange("/review/start", "Submitted or Disputed → InReview; the caller becomes the claim's reviewer (competing claims: both partners are told arbitration is under way)",
            async (string id, StartReview handler, HttpContext http, CancellationToken ct) =>
                ClaimEndpoints.ClaimResult(http, await handler.HandleAsync(id, http.Request.Headers.IfMatch.ToString(), ct)));

        group.MapClaimChange("/review/request-info", "InReview → PartnerActionRequired: { reasons: [PoeMissing|CustomerSignatureMissing|DatesMissingOrOld|PartnerServiceMissing|ProductsMissing], comment }",
            async (string id, [FromBody] RequestInfoRequest? request, RequestInfo handler, HttpContext http, CancellationToken ct) =>
                ClaimEndpoints.ClaimResult(http, await handler.HandleAsync(id, request, http.Request.Headers.IfMatch.ToString(), ct)));

        group.MapClaimChange("/review/approve", "InReview or Disputed → Approved: { supersede?, comment? }; 409 unit_already_associated while another partner holds a unit, unless supersede: true ends that association",
            async (string id, [FromBody] ApproveRequest? request, ApproveClaim handler, HttpContext http, CancellationToken ct) =>
                ClaimEndpoints.ClaimResult(http, await handler.HandleAsync(id, request, http.Request.Headers.IfMatch.ToString(), ct)));

        group.MapClaimChange("/review/reject", "InReview or Disputed → Rejected: { reason: InsufficientPoe|CustomerConsentMissing|ProductsMissing|PoeNotAvailable|PartnerRequest, comment }",
            async (string id, [FromBody] RejectRequest? request, RejectClaim handler, HttpContext http, CancellationToken ct) =>
                ClaimEndpoints.ClaimResult(http, await handler.HandleAsync(id, request, http.Request.Headers.IfMatch.ToString(), ct)));

        group.MapGet("/competitors", async (string id, ClaimCompetitors handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToOk(http))
            .WithSummary("The claim and the competing claims and associations on its units, with their PoE files, for arbitration")
            .Produces<CompetitorsResponse>()
            .ProducesReadProblems();

        routes.MapGet("/api/v1/review/sla", async (string? from, string? to, SlaReport handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(from, to, ct)).ToOk(http))
            .RequireAuthorization(Policies.Api)
            .WithTags("Review")
            .WithSummary("SLA report over [from, to) (dates or ISO times; default the last 30 days): claims per status, overdue per stage, median and 90th percentile business hours to decision")
            .Produces<SlaReportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return group;
    }

}
