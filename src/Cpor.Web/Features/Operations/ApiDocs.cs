using Microsoft.OpenApi;

namespace Cpor.Web.Features.Operations;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its interactive page at <c>/api/docs</c>.</summary>
public static class ApiDocs
{
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                || d.RelativePath is "healthz" or "readyz";
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CPOR — Claiming Partner of Record",
                    Version = "v1",
                    Description = "Claims, review, customer consent and official associations. "
                        + "Sign in with POST /api/v1/auth/login, then send Authorization: Bearer <accessToken>. "
                        + "Errors are RFC 9457 problem details with a stable `code`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken from POST /api/v1/auth/login.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "CPOR v1");
            o.DocumentTitle = "CPOR API";
        });
        return app;
    }
}
