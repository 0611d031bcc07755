using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Admin;

/// <summary>Administration (API.md): catalog, partners and MPN IDs, users, business calendar.</summary>
public static class AdminEndpoints
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<Users>();
        services.AddScoped<PartnerAdmin>();
        services.AddScoped<Catalog>();
        services.AddScoped<BusinessCalendarAdmin>();
        return services;
    }

    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/catalog", async (Catalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.GetAsync(ct)))
            .RequireAuthorization(Policies.Api)
            .WithTags("Catalog")
            .WithSummary("Solution areas, activities, programs and products");

        var admin = routes.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Api);

        admin.MapPut("/catalog/products/{productId}", async (string productId, ProductRequest request, Catalog catalog, HttpContext http, CancellationToken ct) =>
                Ok(http, await catalog.PutProductAsync(productId, request, ct)))
            .WithSummary("Add or change a product (program admin)")
            .Produces<ProductResponse>();

        admin.MapPut("/catalog/programs/{programId}", async (string programId, ProgramRequest request, Catalog catalog, HttpContext http, CancellationToken ct) =>
                Ok(http, await catalog.PutProgramAsync(programId, request, ct)))
            .WithSummary("Rename a program or change its consent window (program admin)")
            .Produces<ProgramResponse>();

        admin.MapGet("/partners", async (PartnerAdmin partners, HttpContext http, CancellationToken ct) =>
                Ok(http, await partners.ListAsync(ct)))
            .WithSummary("Partner organisations")
            .Produces<IReadOnlyList<PartnerResponse>>();

        admin.MapPost("/partners", async (CreatePartnerRequest request, PartnerAdmin partners, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await partners.CreateAsync(request, ct);
                return outcome.IsSuccess
                    ? TypedResults.Created($"/api/v1/admin/partners/{outcome.Value!.Id}", outcome.Value)
                    : outcome.Errors.ToProblem(http);
            })
            .Idempotent()
            .WithSummary("Create a partner organisation (program admin)")
            .Produces<PartnerResponse>(StatusCodes.Status201Created);

        admin.MapGet("/partners/{id}/mpns", async (string id, PartnerAdmin partners, HttpContext http, CancellationToken ct) =>
                Ok(http, await partners.ListMpnsAsync(id, ct)))
            .WithSummary("The organisation's MPN IDs and their program enrolments")
            .Produces<IReadOnlyList<MpnResponse>>();

        admin.MapPost("/partners/{id}/mpns", async (string id, MpnRequest request, PartnerAdmin partners, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await partners.AddMpnAsync(id, request, ct);
                return outcome.IsSuccess
                    ? TypedResults.Created($"/api/v1/admin/partners/{id}/mpns/{outcome.Value!.MpnId}", outcome.Value)
                    : outcome.Errors.ToProblem(http);
            })
            .Idempotent()
            .WithSummary("Add an MPN ID with its program enrolments (program admin, or the organisation's global admin)")
            .Produces<MpnResponse>(StatusCodes.Status201Created);

        admin.MapPut("/partners/{id}/mpns/{mpnId}", async (string id, string mpnId, MpnEnrolmentRequest request, PartnerAdmin partners, HttpContext http, CancellationToken ct) =>
                Ok(http, await partners.SetEnrolmentAsync(id, mpnId, request, ct)))
            .WithSummary("Change an MPN ID's program enrolments")
            .Produces<MpnResponse>();

        admin.MapGet("/users", async (string? partnerOrgId, Users users, HttpContext http, CancellationToken ct) =>
                Ok(http, await users.ListAsync(partnerOrgId, ct)))
            .WithSummary("Users (program admin: all or one organisation's; global admin: their organisation's)")
            .Produces<IReadOnlyList<UserResponse>>();

        admin.MapPost("/users", async (CreateUserRequest request, Users users, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await users.CreateAsync(request, ct);
                return outcome.IsSuccess
                    ? TypedResults.Created($"/api/v1/admin/users/{outcome.Value!.Id}", outcome.Value)
                    : outcome.Errors.ToProblem(http);
            })
            .Idempotent()
            .WithSummary("Create a user; without a password a temporary one is generated and returned once")
            .Produces<UserResponse>(StatusCodes.Status201Created);

        admin.MapGet("/calendar/holidays", async (BusinessCalendarAdmin calendar, CancellationToken ct) =>
                TypedResults.Ok(await calendar.ListAsync(ct)))
            .WithSummary("The business calendar's holidays")
            .Produces<IReadOnlyList<HolidayDto>>();

        admin.MapPut("/calendar/holidays", async (HolidaysRequest request, BusinessCalendarAdmin calendar, HttpContext http, CancellationToken ct) =>
                Ok(http, await calendar.ReplaceAsync(request, ct)))
            .WithSummary("Replace the business calendar's holidays (program admin)")
            .Produces<IReadOnlyList<HolidayDto>>();

        return admin;
    }

    private static IResult Ok<T>(HttpContext http, Outcome<T> outcome) =>
        outcome.ToOk(http);
}
