using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Directory;

public class DirectoryImportTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly Guid Acme = Guid.Parse("30000000-0000-4000-8000-000000000003");
    private static readonly Guid AcmeSales = Guid.Parse("b0000000-0000-4000-8000-000000000001");

    [Fact]
    public async Task ImportingTheSameRecordsTwice_UpdatesInPlace()
    {
        var admin = await app.AdminAsync();
        var records = Lines(
            Tenant(Acme, "Acme", ["acme.test"], ["teams"]),
            Subscription(AcmeSales, Acme, "dynamics-365-sales", "Active"),
            Usage(Acme, "teams", null, "2026-09", 40, 50),
            Usage(Acme, "dynamics-365-sales", AcmeSales, "2026-09", 10, 12));

        var first = await ImportAsync(admin, records);
        var second = await ImportAsync(admin, records.Replace("\"Acme\"", "\"Acme Renamed\"", StringComparison.Ordinal));

        Assert.Equal(4, first.GetProperty("accepted").GetInt32());
        Assert.Equal(4, second.GetProperty("accepted").GetInt32());
        Assert.Equal("Acme Renamed", await app.WithDbAsync(db => db.Tenants.Where(t => t.Id == Acme).Select(t => t.Name).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.UsageFacts.CountAsync(u => u.TenantId == Acme)));
    }

    [Fact]
    public async Task RefusedRecords_AreReportedByLine_AndTheOthersImported()
    {
        var admin = await app.AdminAsync();
        var unknownTenant = Guid.NewGuid();
        var records = Lines(
            Tenant(Guid.Parse("30000000-0000-4000-8000-000000000004"), "Good", ["good.test"], ["exchange-online"]),
            Subscription(Guid.NewGuid(), unknownTenant, "dynamics-365-sales", "Active"),
            """{"type":"subscription","subscriptionId":"nope","tenantId":"30000000-0000-4000-8000-000000000004"}""",
            """{"type":"planet","name":"Mars"}""",
            Tenant(Guid.Parse("30000000-0000-4000-8000-000000000005"), "Thief", [World.Domain], []));

        var report = await ImportAsync(admin, records);

        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        Assert.Equal(4, report.GetProperty("rejectedCount").GetInt32());
        var rejected = report.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("code").GetString())).OrderBy(r => r.Item1).ToList();
        Assert.Equal([(2, "tenant_not_found"), (3, "subscription_id_invalid"), (4, "import_type_unknown"), (5, "domain_taken")], rejected);
        Assert.Equal(World.Tenant, await app.WithDbAsync(db => db.TenantDomains.Where(d => d.Domain == World.Domain).Select(d => d.TenantId).SingleAsync()));
    }

    [Fact]
    public async Task AMalformedLine_ImportsNothing()
    {
        var admin = await app.AdminAsync();
        var tenant = Guid.Parse("30000000-0000-4000-8000-000000000006");
        var records = Lines(Tenant(tenant, "Never", ["never.test"], []), "{\"type\": \"tenant\", broken");

        var response = await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(records, Encoding.UTF8, "application/x-ndjson"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "import_malformed");
        Assert.Contains("2", problem.GetProperty("detail").GetString());
        Assert.False(await app.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Id == tenant)));
    }

    [Fact]
    public async Task DryRun_ChecksEverythingAndWritesNothing()
    {
        var admin = await app.AdminAsync();
        var tenant = Guid.Parse("30000000-0000-4000-8000-000000000007");

        var report = await ImportAsync(admin, Lines(Tenant(tenant, "Dry", ["dry.test"], [])), "?dryRun=true");

        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        Assert.False(await app.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Id == tenant)));
    }

    [Fact]
    public async Task CsvFiles_InOneMultipartBody_AreImportedParentsFirst()
    {
        var admin = await app.AdminAsync();
        var tenant = Guid.Parse("30000000-0000-4000-8000-000000000008");
        var subscription = Guid.Parse("b0000000-0000-4000-8000-000000000008");
        using var form = new MultipartFormDataContent
        {
            // Sent children first: the importer still writes the tenant before its subscription.
            { Csv($"subscriptionId,tenantId,productId,channel,state,provisioned,seatsPurchased,seatsAssigned\n{subscription},{tenant},power-apps,WebDirect,Active,true,10,5\n"), "subscription", "subscriptions.csv" },
            { Csv($"tenantId,name,country,domains,workloads\n{tenant},Csv Corp,FR,csv.test;csv.onmicrosoft.test,teams;exchange-online\n"), "tenant", "tenants.csv" },
        };

        var response = await admin.PostAsync("/api/v1/admin/directory/import", form);

        var report = await ApiFixture.OkAsync<JsonElement>(response);
        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal(2, await app.WithDbAsync(db => db.TenantDomains.CountAsync(d => d.TenantId == tenant)));
        Assert.True(await app.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.Id == subscription && s.SeatsPurchased == 10)));
    }

    [Fact]
    public async Task RefusedLines_OfSeveralFiles_AreReportedInFileAndLineOrder_WithTheirFile()
    {
        var admin = await app.AdminAsync();
        var tenant = Guid.Parse("30000000-0000-4000-8000-000000000009");
        var unknownTenant = Guid.Parse("30000000-0000-4000-8000-0000000000ff");
        using var form = new MultipartFormDataContent
        {
            // The unknown tenant is found when the batch is written, after the malformed lines are read.
            { Csv($"subscriptionId,tenantId,productId,channel,state,provisioned,seatsPurchased,seatsAssigned\nb0000000-0000-4000-8000-000000000009,{unknownTenant},power-apps,WebDirect,Active,true,10,5\nnot-a-guid,{tenant},power-apps,WebDirect,Active,true,10,5\n"), "subscription", "subscriptions.csv" },
            { Csv($"tenantId,name,country,domains,workloads\n{tenant},Order Corp,FR,order.test,teams\nnot-a-guid,Bad Corp,FR,bad-order.test,teams\n"), "tenant", "tenants.csv" },
        };

        var report = await ApiFixture.OkAsync<JsonElement>(await admin.PostAsync("/api/v1/admin/directory/import?dryRun=true", form));

        var rejected = report.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("file").GetString(), r.GetProperty("line").GetInt64(), r.GetProperty("code").GetString())).ToList();
        Assert.Equal(3, rejected.Count);
        Assert.Equal([("tenants.csv", 3L), ("subscriptions.csv", 2L), ("subscriptions.csv", 3L)], rejected.Select(r => (r.Item1, r.Item2)));
        Assert.Equal("tenant_not_found", rejected[1].Item3);
    }

    [Fact]
    public async Task Csv_WithAMissingColumn_IsMalformed()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/v1/admin/directory/import?type=subscription", Csv("subscriptionId,tenantId\nx,y\n"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "import_malformed");
    }

    [Fact]
    public async Task Import_IsForProgramAdminsOnly()
    {
        var partner = await app.PartnerAsync();

        var response = await partner.PostAsync("/api/v1/admin/directory/import", new StringContent("", Encoding.UTF8, "application/x-ndjson"));

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<JsonElement> ImportAsync(HttpClient admin, string ndjson, string query = "") =>
        await ApiFixture.OkAsync<JsonElement>(await admin.PostAsync("/api/v1/admin/directory/import" + query, new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson")));

    private static StringContent Csv(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    private static string Tenant(Guid id, string name, string[] domains, string[] workloads) =>
        JsonSerializer.Serialize(new { type = "tenant", tenantId = id, name, country = "FR", domains, workloads });

    private static string Subscription(Guid id, Guid tenant, string product, string state) =>
        JsonSerializer.Serialize(new { type = "subscription", subscriptionId = id, tenantId = tenant, productId = product, channel = "VolumeLicensing", state, provisioned = true, seatsPurchased = 20, seatsAssigned = 10 });

    private static string Usage(Guid tenant, string product, Guid? subscription, string month, int active, int enabled) =>
        JsonSerializer.Serialize(new { type = "usage", tenantId = tenant, productId = product, subscriptionId = subscription, month, activeUsers = active, enabledUsers = enabled });
}
