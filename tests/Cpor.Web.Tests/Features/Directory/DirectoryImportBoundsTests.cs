using System.Text;
using System.Text.Json;
using Cpor.Web.Features.Directory;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Directory;

/// <summary>
/// What keeps an import's memory flat whatever its size (the 1M-row figure is measured by
/// bench/Cpor.Bench, not here): batches flushed as they fill, and a capped list of refused lines.
/// </summary>
public class DirectoryImportBoundsTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Import_ManyRefusedLines_ReportsTheFirstThousand_AndCountsThemAll()
    {
        var lines = Enumerable.Range(0, DirectoryImporter.MaxReported + 500).Select(i => $"{{\"type\":\"bogus-{i}\"}}");

        var report = await ImportAsync(string.Join('\n', lines));

        Assert.Equal(DirectoryImporter.MaxReported + 500, report.GetProperty("rejectedCount").GetInt32());
        Assert.Equal(DirectoryImporter.MaxReported, report.GetProperty("rejected").GetArrayLength());
        Assert.Equal(1, report.GetProperty("rejected")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Import_MoreRowsThanABatch_AcceptsEveryRow_AcrossFlushes()
    {
        var rows = (DirectoryImporter.BatchSize * 2) + 17;
        var months = Enumerable.Range(0, rows).Select(i => new DateOnly(1900, 1, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        var lines = months.Select(m => JsonSerializer.Serialize(new { type = "usage", tenantId = World.OtherTenant, productId = "exchange-online", month = m, activeUsers = 1, enabledUsers = 2 }));

        var report = await ImportAsync(string.Join('\n', lines));

        Assert.Equal((rows, 0), (report.GetProperty("accepted").GetInt32(), report.GetProperty("rejectedCount").GetInt32()));
        Assert.Equal(rows, await app.WithDbAsync(db => db.UsageFacts.CountAsync(f => f.TenantId == World.OtherTenant && f.ProductId == "exchange-online")));
    }

    private async Task<JsonElement> ImportAsync(string body)
    {
        var admin = await app.AdminAsync();
        return await ApiFixture.OkAsync<JsonElement>(await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson")));
    }
}
