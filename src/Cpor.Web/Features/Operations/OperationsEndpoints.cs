using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cpor.Web.Features.Operations;

public static class OperationsEndpoints
{
    public static IServiceCollection AddOperationsFeature(this IServiceCollection services)
    {
        services.AddHostedService<Housekeeping>();
        services.AddCporHealthChecks();
        return services;
    }

    /// <summary>
    /// Liveness and readiness, run by ASP.NET Core's health check service. Mapped as plain GET
    /// endpoints (not <c>MapHealthChecks</c>) so that they stay in the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (HealthCheckService health, HttpContext http, CancellationToken ct) =>
                HealthResponses.Liveness(http, await health.CheckHealthAsync(r => r.Tags.Contains(HealthChecks.Live), ct)))
            .WithTags("Operations").WithSummary("The process is up").AllowAnonymous();

        routes.MapGet("/readyz", async (HealthCheckService health, HttpContext http, CancellationToken ct) =>
                HealthResponses.Readiness(http, await health.CheckHealthAsync(r => r.Tags.Contains(HealthChecks.Ready), ct)))
            .WithTags("Operations").WithSummary("The database is reachable and migrated").AllowAnonymous();
        return routes;
    }
}
