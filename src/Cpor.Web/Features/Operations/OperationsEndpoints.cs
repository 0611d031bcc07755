using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cpor.Web.Features.Operations;

public static class OperationsEndpoints
{
    public static IServiceCollection AddOperationsFeature(this IServiceCollection services)
    {
        services.AddHostedService<Housekeeping>();
        return services;
    }

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Text("ok"))
            .WithTags("Operations").WithSummary("The process is up").AllowAnonymous();

        routes.MapGet("/readyz", async (CporDb db, CancellationToken ct) =>
            {
                try
                {
                    var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                    await db.Database.OpenConnectionAsync(ct);
                    try
                    {
                        return await SqlMigrator.IsUpToDateAsync(connection, ct)
                            ? Results.Text("ready")
                            : Results.Text("migrations pending", statusCode: StatusCodes.Status503ServiceUnavailable);
                    }
                    finally
                    {
                        await db.Database.CloseConnectionAsync();
                    }
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .WithTags("Operations").WithSummary("The database is reachable and migrated").AllowAnonymous();
        return routes;
    }
}
