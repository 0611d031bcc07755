using Cpor.Domain;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cpor.Web.Features.Consent;

/// <summary>The customer's API of API.md: their tenant's claims, opt-out, ending an association, and the e-mailed link.</summary>
public static class ConsentEndpoints
{
    public static IServiceCollection AddConsentFeature(this IServiceCollection services)
    {
        services.AddScoped<ConsentLinks>();
        services.AddScoped<CustomerClaims>();
        services.AddScoped<CustomerDecisions>();
        services.AddScoped<ConsentLinkInfo>();
        return services;
    }

    public static RouteGroupBuilder MapConsentEndpoints(this IEndpointRouteBuilder routes)
    {
        var customer = routes.MapGroup("/api/v1/customer").WithTags("Customer").RequireAuthorization(Policies.Api);

        customer.MapGet("/claims", async (string? status, int? limit, string? cursor, CustomerClaims handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(status, limit, cursor, ct)).ToOk(http))
            .WithSummary("Claims and associations on my tenant (customer admin), newest first; filter status")
            .Produces<Page<CustomerClaimResponse>>();

        customer.MapPost("/claims/{id}/opt-out", async (string id, [FromBody] CustomerDecisionRequest? request, CustomerDecisions handler, HttpContext http, CancellationToken ct) =>
                await ResultAsync(http, await handler.OptOutAsync(id, request, ifMatch: null, ct), ct))
            .Idempotent()
            .WithSummary("During the consent window: Approved → Rejected (CustomerDenied); afterwards 409 consent_window_closed")
            .Produces<CustomerClaimResponse>()
            .ProducesCustomerDecisionProblems();

        customer.MapPost("/claims/{id}/end", async (string id, [FromBody] CustomerDecisionRequest? request, CustomerDecisions handler, HttpContext http, CancellationToken ct) =>
                await ResultAsync(http, await handler.EndAsync(id, request, ifMatch: null, ct), ct))
            .Idempotent()
            .WithSummary("End an official association: Active → Ended (CustomerEnded)")
            .Produces<CustomerClaimResponse>()
            .ProducesCustomerDecisionProblems();

        var link = routes.MapGroup("/api/v1/consent").WithTags("Customer").AllowAnonymous();

        link.MapGet("/{token}", async (string token, ConsentLinkInfo handler, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(token, ct);
                http.Response.Headers.CacheControl = "private, no-store";
                return outcome.ToOk(http);
            })
            .WithSummary("What an e-mailed opt-out link is about: partner, claim, products, end of the consent window")
            .Produces<ConsentLinkResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        link.MapPost("/{token}/opt-out", async (string token, [FromBody] CustomerDecisionRequest? request, CustomerDecisions handler, HttpContext http, CancellationToken ct) =>
                await ResultAsync(http, await handler.OptOutByLinkAsync(token, request, ct), ct))
            .Idempotent()
            .WithSummary("Opt out with the signed, expiring link of the approval e-mail (no sign-in)")
            .Produces<CustomerClaimResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return customer;
    }

    private static async Task<IResult> ResultAsync(HttpContext http, Outcome<Claim> outcome, CancellationToken ct) =>
        outcome.IsSuccess
            ? TypedResults.Ok(await http.RequestServices.GetRequiredService<CustomerClaims>().ViewAsync(outcome.Value!, ct))
            : outcome.Errors.ToProblem(http);
}
