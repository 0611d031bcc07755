using System.Text.Json.Nodes;
using Cpor.Domain;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Cpor.Web.Features.Claims;

/// <summary>The partner's claim API of API.md; reviewers read through it too.</summary>
public static class ClaimEndpoints
{
    public static IServiceCollection AddClaimsFeature(this IServiceCollection services)
    {
        services.AddScoped<ClaimDirectory>();
        services.AddScoped<ClaimClock>();
        services.AddScoped<ClaimCommands>();
        services.AddScoped<CreateClaim>();
        services.AddScoped<EditClaim>();
        services.AddScoped<ClaimTransitions>();
        services.AddScoped<ClaimComments>();
        services.AddScoped<ClaimHistory>();
        services.AddScoped<ListClaims>();
        services.AddScoped<ClaimAttachments>();
        services.AddScoped<PoeTemplate>();
        services.AddScoped<CheckCustomer>();
        services.AddSingleton<IAttachmentStore, FileSystemAttachmentStore>();
        return services;
    }

    public static RouteGroupBuilder MapClaimEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/claims").WithTags("Claims").RequireAuthorization(Policies.Api);

        group.MapPost("/", async (ClaimInput input, CreateClaim handler, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(input, ct);
                return outcome.IsSuccess
                    ? WithETag(http, outcome.Value!, c => TypedResults.Created($"/api/v1/claims/{c.Id}", Response(http, c)))
                    : outcome.Errors.ToProblem(http);
            })
            .Idempotent()
            .WithSummary("Create a Draft claim")
            .Produces<ClaimResponse>(StatusCodes.Status201Created)
            .ProducesCreateProblems();

        group.MapGet("/", (ListClaims handler, HttpContext http, int? limit, string? cursor, CancellationToken ct) =>
                ClaimQuery.Parse(http.Request.Query).ThenOkAsync(http, query => handler.HandleAsync(query, limit, cursor, ct)))
            .WithSummary("List claims: filters status, mpnId, tenantId, solutionArea, activity, competing, overdue, externalId, q, updatedSince, partnerOrgId (reviewers); sort createdAt|dueAt|updatedAt")
            .AcceptsQuery(ClaimQuery.Parameters)
            .Produces<Page<ClaimResponse>>();

        group.MapGet("/export.csv", async (ListClaims handler, HttpContext http, CancellationToken ct) =>
            {
                var query = ClaimQuery.Parse(http.Request.Query);
                if (!query.IsSuccess)
                {
                    return query.Errors.ToProblem(http);
                }

                return await handler.ExportAsync(query.Value!, http.Response, ct) is { } error ? error.ToProblem(http) : Results.Empty;
            })
            .WithSummary("The list's filters, as CSV (streamed)")
            .AcceptsQuery(ClaimQuery.Parameters)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapGet("/{id}", async (string id, Data.CporDb db, CurrentUser user, HttpContext http, CancellationToken ct) =>
            {
                var claim = await ClaimReads.FindVisibleAsync(db, user, id, ct);
                if (claim is null)
                {
                    return CommonErrors.NotFound.ToProblem(http);
                }

                if (http.Request.Headers.IfNoneMatch.ToString() == ETags.For(claim.Version))
                {
                    http.Response.Headers.ETag = ETags.For(claim.Version);
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                }

                return WithETag(http, claim, c => TypedResults.Ok(Response(http, c)));
            })
            .WithSummary("One claim, with its ETag")
            .Produces<ClaimResponse>()
            .ProducesReadProblems();

        group.MapPatch("/{id}", async (string id, JsonObject patch, EditClaim handler, HttpContext http, CancellationToken ct) =>
                ClaimResult(http, await handler.HandleAsync(id, patch, http.Request.Headers.IfMatch.ToString(), ct)))
            .WithSummary("Edit a claim (JSON merge patch; If-Match required; fields allowed by status)")
            .Accepts<ClaimInput>("application/merge-patch+json", "application/json")
            .Produces<ClaimResponse>()
            .ProducesClaimEditProblems();

        group.MapPost("/{id}/attachments", async (string id, ClaimAttachments handler, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await handler.UploadAsync(id, http.Request, ct);
                if (!outcome.IsSuccess)
                {
                    return outcome.Errors.ToProblem(http);
                }

                var (claim, attachment) = outcome.Value!;
                http.Response.Headers.ETag = ETags.For(claim.Version);
                return TypedResults.Created(
                    $"/api/v1/claims/{id}/attachments/{attachment.Id}",
                    new AttachmentResponse(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256, attachment.UploadedAt, attachment.UploadedByName));
            })
            .Idempotent()
            .WithSummary("Add a PoE file (multipart field 'file'; PDF, Office documents, images, e-mail)")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AttachmentResponse>(StatusCodes.Status201Created)
            .ProducesClaimChangeProblems()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/{id}/attachments/{attachmentId}", async (string id, string attachmentId, ClaimAttachments handler, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await handler.DownloadAsync(id, attachmentId, ct);
                if (!outcome.IsSuccess)
                {
                    return outcome.Errors.ToProblem(http);
                }

                var (attachment, content) = outcome.Value!;
                ClaimAttachments.ProtectDownload(http.Response);
                return TypedResults.File(content, attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
            })
            .WithSummary("Download a PoE file")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesReadProblems();

        group.MapDelete("/{id}/attachments/{attachmentId}", async (string id, string attachmentId, ClaimAttachments handler, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await handler.RemoveAsync(id, attachmentId, http.Request.Headers.IfMatch.ToString(), ct);
                if (!outcome.IsSuccess)
                {
                    return outcome.Errors.ToProblem(http);
                }

                http.Response.Headers.ETag = ETags.For(outcome.Value!.Version);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a PoE file (Draft only)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesClaimChangeProblems();

        group.MapClaimChange("/{id}/submit", "Draft or PartnerActionRequired → Submitted",
            async (string id, ClaimTransitions handler, HttpContext http, CancellationToken ct) =>
                ClaimResult(http, await handler.SubmitAsync(id, http.Request.Headers.IfMatch.ToString(), ct)));

        group.MapClaimChange("/{id}/withdraw", "Withdraw (→ Rejected, PartnerRequest) or end an Active association (→ Ended, PartnerEnded)",
            async (string id, [FromBody] WithdrawRequest? request, ClaimTransitions handler, HttpContext http, CancellationToken ct) =>
                ClaimResult(http, await handler.WithdrawAsync(id, request, http.Request.Headers.IfMatch.ToString(), ct)));

        group.MapClaimChange("/{id}/dispute", "Dispute a rejection within 30 days: Rejected → Disputed",
            async (string id, [FromBody] DisputeRequest? request, ClaimTransitions handler, HttpContext http, CancellationToken ct) =>
                ClaimResult(http, await handler.DisputeAsync(id, request, http.Request.Headers.IfMatch.ToString(), ct)));

        group.MapGet("/{id}/comments", async (string id, ClaimComments handler, HttpContext http, int? limit, string? cursor, CancellationToken ct) =>
                (await handler.ListAsync(id, limit, cursor, ct)).ToOk(http))
            .WithSummary("The comment thread, oldest first")
            .Produces<Page<CommentResponse>>()
            .ProducesReadProblems();

        group.MapPost("/{id}/comments", async (string id, AddCommentRequest request, ClaimComments handler, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await handler.AddAsync(id, request, http.Request.Headers.IfMatch.ToString(), ct);
                return outcome.IsSuccess
                    ? TypedResults.Created($"/api/v1/claims/{id}/comments", outcome.Value)
                    : outcome.Errors.ToProblem(http);
            })
            .Idempotent()
            .WithSummary("Add a comment")
            .Produces<CommentResponse>(StatusCodes.Status201Created)
            .ProducesClaimChangeProblems();

        group.MapGet("/{id}/history", async (string id, ClaimHistory handler, HttpContext http, int? limit, string? cursor, CancellationToken ct) =>
                (await handler.ListAsync(id, limit, cursor, ct)).ToOk(http))
            .WithSummary("Append-only history, oldest first")
            .Produces<Page<HistoryEntryResponse>>()
            .ProducesReadProblems();

        routes.MapGet("/api/v1/poe-template", (PoeTemplate template, TimeProvider time) =>
                TypedResults.File(template.Build(), PoeTemplate.ContentType, "poe-template.docx", lastModified: time.GetUtcNow()))
            .RequireAuthorization(Policies.Api)
            .WithTags("Claims")
            .WithSummary("The PoE template document, in the caller's language")
            .Produces(StatusCodes.Status200OK, contentType: PoeTemplate.ContentType);

        return group;
    }

    private static ClaimResponse Response(HttpContext http, Claim claim) =>
        ClaimResponse.From(claim, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());

    private static IResult WithETag(HttpContext http, Claim claim, Func<Claim, IResult> result)
    {
        http.Response.Headers[HeaderNames.ETag] = ETags.For(claim.Version);
        return result(claim);
    }

    /// <summary>
    /// A POST that changes a claim through its use case: idempotent by key, answered by
    /// <see cref="ClaimResult"/>, and declaring the problems every claim change can return.
    /// </summary>
    internal static RouteHandlerBuilder MapClaimChange(this IEndpointRouteBuilder group, string pattern, string summary, Delegate handler) =>
        group.MapPost(pattern, handler)
            .Idempotent()
            .WithSummary(summary)
            .Produces<ClaimResponse>()
            .ProducesClaimChangeProblems();

    /// <summary>A claim changed by a use case: 200 with its JSON and ETag, or the problem that refused the change.</summary>
    internal static IResult ClaimResult(HttpContext http, Outcome<Claim> outcome) =>
        outcome.IsSuccess ? WithETag(http, outcome.Value!, c => TypedResults.Ok(Response(http, c))) : outcome.Errors.ToProblem(http);
}
