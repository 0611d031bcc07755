using Cpor.Domain;
using Cpor.Web.Features.Demo;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cpor.Web.Features.Directory;

/// <summary>Directory ingestion (API.md): JSON lines, a CSV file, or several CSV files in one multipart body.</summary>
public static class DirectoryEndpoints
{
    public static IServiceCollection AddDirectoryFeature(this IServiceCollection services)
    {
        services.AddTransient<DirectoryImporter>();
        services.AddScoped<LegacyAssociationImport>();
        services.AddScoped<DemoWorld>();
        return services;
    }

    public static RouteGroupBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin/directory").WithTags("Directory").RequireAuthorization(Policies.Api);

        group.MapPost("/import", ImportAsync)
            .WithSummary("Import tenants, domains, workloads, subscriptions, usage facts, DPOR links and legacy associations (idempotent). "
                + "Body: application/x-ndjson, text/csv with ?type=tenant|subscription|usage|dpor|legacyAssociation, or multipart/form-data with one CSV or NDJSON file per part. ?dryRun=true checks without writing.")
            .Accepts<string>("application/x-ndjson", "text/csv", "multipart/form-data")
            .Produces<ImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/demo.ndjson", (int? tenants, int? months, int? seed, CurrentUser user, TimeProvider time, HttpContext http) =>
            {
                if (!user.IsProgramAdmin)
                {
                    return CommonErrors.Forbidden.ToProblem(http);
                }

                var generator = new DemoDirectory(seed ?? DemoDirectory.DefaultSeed, Math.Clamp(tenants ?? 50, 1, 100_000), Math.Clamp(months ?? 24, 0, 120), time.GetUtcNow());
                return TypedResults.Stream(async body =>
                {
                    await using var writer = new StreamWriter(body);
                    foreach (var line in generator.JsonLines())
                    {
                        await writer.WriteLineAsync(line);
                    }
                }, "application/x-ndjson", "demo-directory.ndjson");
            })
            .WithSummary("Generate a realistic demo directory as JSON lines (tenants, subscriptions, usage), ready to import")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");
        return group;
    }

    private static async Task<IResult> ImportAsync(
        HttpContext http, CurrentUser user, DirectoryImporter importer, IOptions<CporOptions> options, bool? dryRun, string? type, CancellationToken ct)
    {
        if (!user.IsProgramAdmin)
        {
            return CommonErrors.Forbidden.ToProblem(http);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxImportBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType))
        {
            return new DomainError(ErrorCodes.UnsupportedMediaType, "Content-Type").ToProblem(http);
        }

        var media = mediaType.MediaType.Value?.ToLowerInvariant();
        IAsyncEnumerable<ImportLine> lines;
        var spool = new List<string>();
        try
        {
            switch (media)
            {
                case "application/x-ndjson" or "application/jsonl" or "application/json-lines" or "application/json":
                    lines = ImportReaders.JsonLinesAsync(http.Request.Body, ct);
                    break;
                case "text/csv":
                    var csvType = ImportReaders.CsvTypeOf(type);
                    if (csvType is null)
                    {
                        return new DomainError(ErrorCodes.ImportTypeUnknown, "type", type ?? "").ToProblem(http);
                    }

                    lines = ImportReaders.CsvAsync(http.Request.Body, csvType, ct);
                    break;
                case "multipart/form-data":
                    var parts = await SpoolPartsAsync(http.Request, mediaType, spool, ct);
                    if (parts is null)
                    {
                        return new DomainError(ErrorCodes.ImportTypeUnknown, "file").ToProblem(http);
                    }

                    lines = ImportFiles.LinesAsync(parts, ct);
                    break;
                default:
                    return new DomainError(ErrorCodes.UnsupportedMediaType, "Content-Type", media ?? "").ToProblem(http);
            }

            var report = await importer.ImportAsync(lines, dryRun ?? false, ct);
            return TypedResults.Ok(report);
        }
        catch (ImportMalformedException e)
        {
            return new DomainError(ErrorCodes.ImportMalformed, "line", e.Line, e.Message).ToProblem(http);
        }
        finally
        {
            foreach (var file in spool)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// Copies each uploaded file to disk, then orders them parents first (tenants, subscriptions,
    /// usage, DPOR links, legacy associations) whatever order the client sent them in. Null when a part's type is unknown.
    /// </summary>
    private static async Task<IReadOnlyList<(ImportFile File, string? CsvType)>?> SpoolPartsAsync(HttpRequest request, MediaTypeHeaderValue mediaType, List<string> spool, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        var files = new List<ImportFile>();
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
            var fieldName = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (!ImportFiles.TryClassify(new ImportFile(fileName, fieldName, () => Stream.Null), out _))
            {
                return null;
            }

            var path = Path.GetTempFileName();
            spool.Add(path);
            var file = new ImportFile(fileName, fieldName, () => File.OpenRead(path));
            await using (var content = File.Create(path))
            {
                await section.Body.CopyToAsync(content, ct);
            }

            files.Add(file);
        }

        return ImportFiles.Order(files);
    }
}
