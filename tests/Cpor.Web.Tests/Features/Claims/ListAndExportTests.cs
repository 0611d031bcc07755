using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Claims;

public class ListAndExportTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task List_PagesWithACursor_WithoutGapsOrRepeats_EvenWhenClaimsAreAddedMeanwhile()
    {
        var partner = await app.ClientAsync(World.FabrikamIncentives);
        var created = new List<string>();
        foreach (var workload in new[] { "teams", "exchange-online", "sharepoint-online", "onedrive" })
        {
            var body = World.M365Claim("Paging " + workload, workload);
            body["mpnId"] = World.FabrikamMpn;
            created.Add((await app.CreateDraftAsync(partner, body)).Id);
        }

        var first = await ApiFixture.OkAsync<Page<ClaimResponse>>(await partner.GetAsync("/api/v1/claims?limit=3"));
        var another = World.M365Claim("Added while paging", "teams");
        another["mpnId"] = World.FabrikamMpn;
        another["tenantId"] = World.OtherTenant.ToString();
        another["customerDomain"] = World.OtherDomain;
        await app.CreateDraftAsync(partner, another);
        var second = await ApiFixture.OkAsync<Page<ClaimResponse>>(await partner.GetAsync($"/api/v1/claims?limit=3&cursor={first.NextCursor}"));

        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        var seen = first.Items.Concat(second.Items).Select(c => c.Id).ToList();
        Assert.Equal(created.AsEnumerable().Reverse(), seen); // newest first, each once
    }

    [Fact]
    public async Task List_FiltersByStatusSearchAndExternalId()
    {
        var partner = await app.PartnerAsync();
        var body = World.M365Claim("Zanzibar rollout", "onedrive");
        body["externalId"] = "CRM-ZZ";
        await using var draft = await app.TemporaryDraftAsync(partner, body);

        var bySearch = await ApiFixture.OkAsync<Page<ClaimResponse>>(await partner.GetAsync("/api/v1/claims?q=zanzi"));
        var byExternal = await ApiFixture.OkAsync<Page<ClaimResponse>>(await partner.GetAsync("/api/v1/claims?externalId=CRM-ZZ"));
        var byStatus = await ApiFixture.OkAsync<Page<ClaimResponse>>(await partner.GetAsync("/api/v1/claims?status=Submitted,Rejected"));
        var literal = await ApiFixture.OkAsync<Page<ClaimResponse>>(await partner.GetAsync("/api/v1/claims?q=%25"));

        Assert.Equal(draft.Id, Assert.Single(bySearch.Items).Id);
        Assert.Equal(draft.Id, Assert.Single(byExternal.Items).Id);
        Assert.DoesNotContain(byStatus.Items, c => c.Id == draft.Id);
        Assert.Empty(literal.Items); // % is searched for, not a wildcard
    }

    [Fact]
    public async Task List_UpdatedSince_ReturnsChangesOldestFirst()
    {
        var partner = await app.PartnerAsync();
        await using var older = await app.TemporaryDraftAsync(partner, World.M365Claim("Older", "teams"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = app.Clock.Now;
        await using var newer = await app.TemporaryDraftAsync(partner, World.M365Claim("Newer", "exchange-online"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await ApiFixture.PostOkAsync<CommentResponse>(partner, $"/api/v1/claims/{older.Id}/comments", new { body = "touch" });

        var changed = await ApiFixture.OkAsync<Page<ClaimResponse>>(await partner.GetAsync($"/api/v1/claims?updatedSince={Uri.EscapeDataString(since.ToString("O"))}"));

        Assert.Equal([newer.Id, older.Id], changed.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Export_StreamsTheFilteredClaimsAsCsv_WithFormulasDefused()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("=HYPERLINK(\"http://evil\")", "sharepoint-online"));

        var response = await partner.GetAsync("/api/v1/claims/export.csv?status=Draft");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFFid,name,externalId", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(draft.Id, StringComparison.Ordinal));
        Assert.Contains("'=HYPERLINK", row);
        Assert.Contains(",Draft,", row);
    }

    [Fact]
    public async Task Export_NamesProductsByTheirCatalogNames_AndKeepsTheirIds()
    {
        var partner = await app.PartnerAsync();
        var tenant = await app.NewTenantAsync();
        var claim = await app.CreateDraftAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Export names").WithProducts("teams", "sharepoint-online"));

        var csv = await (await partner.GetAsync("/api/v1/claims/export.csv?status=Draft")).Content.ReadAsStringAsync();

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var row = Assert.Single(lines, l => l.StartsWith(claim.Id, StringComparison.Ordinal)).Split(',');
        Assert.Equal("Microsoft Teams; SharePoint Online", row[Array.IndexOf(header, "products")]);
        Assert.Equal("teams; sharepoint-online", row[Array.IndexOf(header, "productIds")]);
        await partner.PostAsync($"/api/v1/claims/{claim.Id}/withdraw", new { });
    }

    [Fact]
    public async Task ReviewerQueue_SortsByDueDate_AndFiltersOverdue()
    {
        var partner = await app.PartnerAsync();
        var early = await app.CreateSubmittedClaimAsync(partner, World.M365Claim("Due early", "onedrive"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var late = await app.CreateSubmittedClaimAsync(partner, World.M365Claim("Due later", "teams"));
        var reviewer = await app.ReviewerAsync();

        var queue = await ApiFixture.OkAsync<Page<ClaimResponse>>(await reviewer.GetAsync("/api/v1/claims?status=Submitted&sort=dueAt"));
        app.Clock.Advance(TimeSpan.FromDays(7));
        var overdue = await ApiFixture.OkAsync<Page<ClaimResponse>>(await reviewer.GetAsync("/api/v1/claims?overdue=true&sort=dueAt"));

        var order = queue.Items.Select(c => c.Id).ToList();
        Assert.True(order.IndexOf(early.Id) < order.IndexOf(late.Id));
        Assert.Contains(overdue.Items, c => c.Id == early.Id && c.Overdue);
        Assert.DoesNotContain(overdue.Items, c => c.Id == late.Id);
        Assert.Equal(ClaimStatus.Submitted, overdue.Items[0].Status);
        await partner.PostAsync($"/api/v1/claims/{early.Id}/withdraw", null);
        await partner.PostAsync($"/api/v1/claims/{late.Id}/withdraw", null);
    }
}
