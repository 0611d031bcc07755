using System.Globalization;
using CsvHelper;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

/// <summary>
/// GET /api/v1/claims (paged) and GET /api/v1/claims/export.csv (streamed, every match; products by
/// their catalog names, for people, and by id in <c>productIds</c>, for programs).
/// </summary>
public sealed class ListClaims(CporDb db, CurrentUser user, TimeProvider time)
{
    public async Task<Outcome<Page<ClaimResponse>>> HandleAsync(ClaimQuery query, int? limit, string? cursor, CancellationToken ct)
    {
        if (!ClaimPermissions.CanRead(user))
        {
            return CommonErrors.Forbidden;
        }

        if (!Cursor.TryDecode(cursor, query.Sort, out var after) || !query.IsValid(after))
        {
            return new DomainError(ErrorCodes.CursorInvalid, "cursor");
        }

        var now = time.GetUtcNow();
        var take = Paging.Clamp(limit);
        var claims = query.Order(query.Apply(db.Claims.AsNoTracking().VisibleTo(user), now), after);
        var rows = await claims
            .Include(c => c.Products).Include(c => c.Attachments)
            .AsSplitQuery()
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).ToList();
        var next = rows.Count > take ? query.CursorAfter(items[^1]).Encode() : null;
        return new Page<ClaimResponse>([.. items.Select(c => ClaimResponse.From(c, now))], next);
    }

    /// <summary>Writes every matching claim as CSV while reading them: memory stays flat however many there are.</summary>
    public async Task<DomainError?> ExportAsync(ClaimQuery query, HttpResponse response, CancellationToken ct)
    {
        if (!ClaimPermissions.CanRead(user))
        {
            return CommonErrors.Forbidden;
        }

        var now = time.GetUtcNow();
        // One query with the products joined in streams row by row; a split query would buffer.
        var claims = query.Order(query.Apply(db.Claims.AsNoTracking().VisibleTo(user), now), after: null)
            .Include(c => c.Products)
            .AsSingleQuery();

        var names = await ProductNames.LoadAsync(db, ct);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"claims-{now:yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        string[] header =
        [
            "id", "name", "externalId", "partnerOrgId", "mpnId", "tenantId", "customerDomain", "solutionArea", "activity", "products", "productIds",
            "status", "statusReason", "competing", "dueAt", "overdue", "consentEndsAt", "disputeWindowEndsAt", "createdAt", "updatedAt",
        ];
        foreach (var column in header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        var rows = 0;
        await foreach (var c in claims.AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(c.Id);
            csv.WriteField(SafeCell(c.Name));
            csv.WriteField(SafeCell(c.ExternalId));
            csv.WriteField(c.PartnerOrgId);
            csv.WriteField(c.MpnId);
            csv.WriteField(c.TenantId.ToString("D"));
            csv.WriteField(SafeCell(c.CustomerDomain));
            csv.WriteField(c.SolutionArea.ToString());
            csv.WriteField(c.Activity.ToString());
            csv.WriteField(SafeCell(string.Join("; ", c.Products.Select(p => ProductNames.Of(p.ProductId, p.SubscriptionId, names)))));
            csv.WriteField(string.Join("; ", c.Products.Select(p => p.ToString())));
            csv.WriteField(c.Status.ToString());
            csv.WriteField(c.StatusReason);
            csv.WriteField(c.Competing ? "true" : "false");
            csv.WriteField(Iso(c.DueAt));
            csv.WriteField(c.IsOverdue(now) ? "true" : "false");
            csv.WriteField(Iso(c.ConsentEndsAt));
            csv.WriteField(Iso(c.DisputeWindowEndsAt));
            csv.WriteField(Iso(c.CreatedAt));
            csv.WriteField(Iso(c.UpdatedAt));
            await csv.NextRecordAsync();
            if (++rows % 500 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return null;
    }

    private static string? Iso(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A cell a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection).</summary>
    public static string? SafeCell(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
