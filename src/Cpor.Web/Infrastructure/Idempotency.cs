using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> (API.md): the first request with a key runs inside a transaction that
/// first inserts the key; a concurrent duplicate blocks on that row until the first commits, then
/// replays the stored response. A successful response is stored in the same transaction as the
/// change it reports, so a crash can never keep one without the other. Failures are not stored:
/// they changed nothing, and running them again is harmless.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    private const string BodyHashItem = "cpor.body-sha256";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static TBuilder Idempotent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new IdempotentEndpoint());
        builder.AddEndpointFilter(FilterAsync);
        return builder;
    }

    /// <summary>Middleware (after routing): hashes the body of keyed requests to idempotent endpoints, then rewinds it.</summary>
    public static async Task HashBodyAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Headers.ContainsKey(Header) && http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is not null)
        {
            http.Request.EnableBuffering();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
            var buffer = new byte[81920];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            http.Request.Body.Position = 0;
            http.Items[BodyHashItem] = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        await next(http);
    }

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString();
        if (key.Length is 0 or > 200 || key.Any(char.IsControl))
        {
            return new DomainError(ErrorCodes.IdempotencyKeyInvalid, Header).ToProblem(http);
        }

        var user = http.RequestServices.GetRequiredService<CurrentUser>();
        var owner = user.IsAuthenticated ? user.Id : "anonymous:" + http.Request.Path;
        var requestHash = http.Items[BodyHashItem] as string ?? "";
        var db = http.RequestServices.GetRequiredService<CporDb>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        // Blocks while another request holding the same key is in flight; claims the key when it
        // is new or its 24 hours are over.
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_records (owner_id, key, request_hash, status_code, created_at, expires_at)
            VALUES ({owner}, {key}, {requestHash}, 0, {now}, {now + Lifetime})
            ON CONFLICT (owner_id, key) DO UPDATE
                SET request_hash = EXCLUDED.request_hash, status_code = 0, response_body = NULL, content_type = NULL,
                    location = NULL, e_tag = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                WHERE idempotency_records.expires_at <= {now}
            """, http.RequestAborted);
        if (claimed == 0)
        {
            var stored = await db.IdempotencyRecords.AsNoTracking()
                .SingleAsync(r => r.OwnerId == owner && r.Key == key, http.RequestAborted);
            await tx.RollbackAsync(http.RequestAborted);
            return stored.RequestHash != requestHash
                ? new DomainError(ErrorCodes.IdempotencyKeyReused, Header).ToProblem(http)
                : Replay(http, stored);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status is < 200 or > 299)
        {
            await tx.RollbackAsync(http.RequestAborted);
            return result;
        }

        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var value = (result as IValueHttpResult)?.Value;
        var body = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json);
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        var etag = http.Response.Headers.ETag.ToString();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_records
            SET status_code = {status}, response_body = {body}, content_type = {(body is null ? null : "application/json")},
                location = {location}, e_tag = {(etag.Length > 0 ? etag : null)}
            WHERE owner_id = {owner} AND key = {key}
            """, http.RequestAborted);
        await tx.CommitAsync(http.RequestAborted);
        return result;
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord stored)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.ETag is not null)
        {
            http.Response.Headers.ETag = stored.ETag;
        }

        if (stored.Location is not null)
        {
            http.Response.Headers.Location = stored.Location;
        }

        return stored.ResponseBody is null
            ? Results.StatusCode(stored.StatusCode)
            : Results.Text(stored.ResponseBody, stored.ContentType ?? "application/json", Encoding.UTF8, stored.StatusCode);
    }

    /// <summary>Drops keys older than their 24 hours (called by the housekeeping service).</summary>
    public static Task<int> PurgeExpiredAsync(CporDb db, DateTimeOffset now, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
}
