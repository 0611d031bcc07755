using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Associations;

/// <summary>
/// CPOR.md §9 and §2: an official association gives its partner the data of that tenant and that
/// workload or subscription only; anything else — another organisation's association, a unit that
/// is not official (Approved, Cancelled), an unknown id — is 404, whatever the role or the query.
/// </summary>
public class AssociationAccessTests(AssociationFixture app) : IClassFixture<AssociationFixture>
{
    /// <summary>Every read of one association.</summary>
    public static readonly TheoryData<string> Reads = new()
    {
        "",
        "/usage",
        "/usage?format=csv",
        "/usage?format=svg",
        "/usage.csv",
        "/usage.svg",
        "/eligibility",
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Partner_EveryReadOfAnotherOrganisationsAssociation_Is404(string read)
    {
        var partner = await app.PartnerAsync();

        foreach (var id in app.FabrikamAssociations)
        {
            await Problem.AssertAsync(await partner.GetAsync($"/api/v1/associations/{id}{read}"), HttpStatusCode.NotFound, "not_found");
        }
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task OtherOrganisation_EveryReadOfContososAssociations_Is404(string read)
    {
        var fabrikam = await app.ClientAsync(World.FabrikamIncentives);

        foreach (var id in new[] { app.ContosoTeams, app.ContosoSales, app.ContosoSharePointEnded, app.ContosoRevenue })
        {
            await Problem.AssertAsync(await fabrikam.GetAsync($"/api/v1/associations/{id}{read}"), HttpStatusCode.NotFound, "not_found");
        }
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Partner_OwnAssociationNotYetOfficialOrCancelled_Is404(string read)
    {
        var partner = await app.PartnerAsync();

        await Problem.AssertAsync(await partner.GetAsync($"/api/v1/associations/{app.ContosoOneDriveApproved}{read}"), HttpStatusCode.NotFound, "not_found");
        await Problem.AssertAsync(await partner.GetAsync($"/api/v1/associations/{app.ContosoExchangeCancelled}{read}"), HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("asc_00000000000000000000000000000000")]
    [InlineData("not-an-id")]
    [InlineData("asc_0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Partner_UnknownOrOverlongId_Is404(string id)
    {
        var partner = await app.PartnerAsync();

        await Problem.AssertAsync(await partner.GetAsync($"/api/v1/associations/{id}/usage"), HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData(World.ContosoGlobal)]
    [InlineData(World.ContosoIncentives)]
    [InlineData(World.ContosoBilling)]
    [InlineData(World.ContosoViewer)]
    public async Task EveryPartnerRoleOfTheOrganisation_ReadsItsAssociationsUsage(string email)
    {
        var client = await app.ClientAsync(email);

        var response = await client.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(World.CustomerAdmin)]
    [InlineData(CporAppFactory.AdminEmail)]
    public async Task CustomerAndProgramAdmin_SeeNoAssociationData(string email)
    {
        var client = email == CporAppFactory.AdminEmail ? await app.AdminAsync() : await app.ClientAsync(email);

        await Problem.AssertAsync(await client.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage"), HttpStatusCode.NotFound, "not_found");
        await Problem.AssertAsync(await client.GetAsync($"/api/v1/associations/{app.ContosoTeams}/eligibility"), HttpStatusCode.NotFound, "not_found");
        await Problem.AssertAsync(await client.GetAsync("/api/v1/associations"), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await client.GetAsync("/api/v1/associations/earnings"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/associations")).StatusCode);
    }

    [Fact]
    public async Task Reviewer_ReadsEveryOfficialAssociation()
    {
        var reviewer = await app.ReviewerAsync();

        foreach (var id in app.FabrikamAssociations.Append(app.ContosoTeams).Append(app.ContosoSharePointEnded))
        {
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/associations/{id}/usage")).StatusCode);
        }

        await Problem.AssertAsync(await reviewer.GetAsync($"/api/v1/associations/{app.ContosoOneDriveApproved}/usage"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Usage_OfAWorkload_IsThatTenantsWorkloadOnly_WhateverTheQuerySays()
    {
        var partner = await app.PartnerAsync();

        // Parameters that name another tenant, workload or subscription are not the association's: refused, never obeyed.
        await Problem.AssertAsync(await partner.GetAsync(
            $"/api/v1/associations/{app.ContosoTeams}/usage?from=2025-11&to=2026-10&tenantId={World.OtherTenant}&productId=exchange-online&subscriptionId={World.OtherTenantSubscription}"),
            HttpStatusCode.BadRequest, "unknown_parameter", "tenantId");
        var usage = await ApiFixture.OkAsync<UsageResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage?from=2025-11&to=2026-10"));

        Assert.Equal((World.Tenant, "teams", UsageMeasure.Users), (usage.TenantId, usage.ProductId, usage.Measure));
        Assert.Equal(Enumerable.Range(4, 8).Select(i => 1000 + (i * 10)), usage.Months.Select(m => m.ActiveUsers!.Value)); // Active since 2026-03
        Assert.All(usage.Months, m => Assert.Null(m.SeatsPurchased));
    }

    [Fact]
    public async Task Usage_OfASubscription_IsThatSubscriptionsSeatsOnly()
    {
        var partner = await app.PartnerAsync();

        var usage = await ApiFixture.OkAsync<UsageResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoSales}/usage?from=2025-11&to=2026-10"));

        Assert.Equal((World.SalesSubscription, UsageMeasure.Seats), (usage.SubscriptionId!.Value, usage.Measure));
        Assert.Equal(Enumerable.Range(4, 8).Select(i => 107 + i), usage.Months.Select(m => m.SeatsPurchased!.Value));
        Assert.Equal(Enumerable.Range(4, 8).Select(i => 100 + i), usage.Months.Select(m => m.SeatsAssigned!.Value));
        Assert.All(usage.Months, m => Assert.Null(m.ActiveUsers));
    }

    [Fact]
    public async Task Usage_OfAnEndedAssociation_RunsFromTheMonthItBecameActiveToTheMonthItEnded()
    {
        var partner = await app.PartnerAsync();

        var usage = await ApiFixture.OkAsync<UsageResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoSharePointEnded}/usage?from=2025-11&to=2026-10"));

        Assert.Equal(AssociationFixture.EndedAt, usage.VisibleUntil);
        Assert.Equal(("2026-01", "2026-06"), (usage.From, usage.To));
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], usage.Months.Select(m => m.Month));
        Assert.Equal(Enumerable.Range(2, 6).Select(i => 3000 + i), usage.Months.Select(m => m.ActiveUsers!.Value));
    }

    [Fact]
    public async Task Usage_BeforeTheAssociationBecameActive_IsNotShown_TheMonthBeforeIsOnlyTheCreditsBaseline()
    {
        var partner = await app.PartnerAsync();

        var usage = await ApiFixture.OkAsync<UsageResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage?from=2025-11&to=2026-10"));
        var csv = await (await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage.csv?from=2025-11&to=2026-10")).Content.ReadAsStringAsync();
        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/eligibility"));

        // Active since 2026-03-10: the facts from 2025-11 to 2026-02 are not the partner's to see.
        Assert.Equal(("2026-03", "2026-10"), (usage.From, usage.To));
        Assert.Equal("2026-03", usage.Months[0].Month);
        Assert.Equal(8, usage.Months.Count);
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["month,activeUsers,enabledUsers", "2026-03,1040,1045"], rows[..2]);
        Assert.Equal(9, rows.Length);
        Assert.Equal(("2026-02", 1030), (eligibility.Credit.BaselineMonth, eligibility.Credit.BaselineValue));
    }

    [Fact]
    public async Task Usage_OfAPeriodBeforeTheAssociationBecameActive_IsEmpty()
    {
        var partner = await app.PartnerAsync();

        var usage = await ApiFixture.OkAsync<UsageResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage?from=2025-11&to=2026-02"));

        Assert.Empty(usage.Months);
    }

    [Fact]
    public async Task List_ShowsTheOrganisationsOfficialAssociationsOnly()
    {
        var partner = await app.PartnerAsync();

        var page = await ApiFixture.OkAsync<Page<AssociationResponse>>(await partner.GetAsync("/api/v1/associations"));

        Assert.Equal(
            new[] { app.ContosoTeams, app.ContosoSales, app.ContosoRevenue, app.ContosoSharePointEnded }.Order(),
            page.Items.Select(a => a.Id).Order());
        Assert.All(page.Items, a => Assert.Equal(app.ContosoId, a.PartnerOrgId));
    }

    [Fact]
    public async Task List_FilteredOnAnotherTenantOrOrganisation_IsEmptyForAPartner()
    {
        var partner = await app.PartnerAsync();

        var otherTenant = await ApiFixture.OkAsync<Page<AssociationResponse>>(await partner.GetAsync($"/api/v1/associations?tenantId={World.OtherTenant}"));
        var otherOrg = await ApiFixture.OkAsync<Page<AssociationResponse>>(await partner.GetAsync($"/api/v1/associations?partnerOrgId={app.FabrikamId}"));

        Assert.Empty(otherTenant.Items);
        Assert.Empty(otherOrg.Items);
    }

    [Fact]
    public async Task Reviewer_ListsEveryOrganisation_AndFiltersByOrganisation()
    {
        var reviewer = await app.ReviewerAsync();

        var all = await ApiFixture.OkAsync<Page<AssociationResponse>>(await reviewer.GetAsync("/api/v1/associations"));
        var fabrikam = await ApiFixture.OkAsync<Page<AssociationResponse>>(await reviewer.GetAsync($"/api/v1/associations?partnerOrgId={app.FabrikamId}"));

        Assert.Equal(8, all.Items.Count);
        Assert.Equal(app.FabrikamAssociations.Order(), fabrikam.Items.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task List_Filters_StateTenantProductAndProgram()
    {
        var partner = await app.PartnerAsync();

        async Task<string[]> Ids(string query) =>
            [.. (await ApiFixture.OkAsync<Page<AssociationResponse>>(await partner.GetAsync("/api/v1/associations?" + query))).Items.Select(a => a.Id).Order()];

        Assert.Equal([app.ContosoSharePointEnded], await Ids("state=Ended"));
        Assert.Equal(new[] { app.ContosoTeams, app.ContosoSales, app.ContosoRevenue }.Order(), await Ids("state=Active"));
        Assert.Equal([app.ContosoTeams], await Ids("productId=teams"));
        Assert.Equal([app.ContosoSales], await Ids("programId=osu-bizapps"));
        Assert.Equal(4, (await Ids($"tenantId={World.Tenant}")).Length);
    }

    [Fact]
    public async Task List_PagesWithACursor_InAStableOrder()
    {
        var partner = await app.PartnerAsync();
        var seen = new List<string>();
        string? cursor = null;

        do
        {
            var page = await ApiFixture.OkAsync<Page<AssociationResponse>>(await partner.GetAsync("/api/v1/associations?limit=1" + (cursor is null ? "" : "&cursor=" + cursor)));
            Assert.True(page.Items.Count <= 1);
            seen.AddRange(page.Items.Select(a => a.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(4, seen.Count);
        Assert.Equal(seen.OrderDescending(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("state=Approved", "state")]
    [InlineData("state=Cancelled", "state")]
    [InlineData("state=1", "state")]
    [InlineData("tenantId=not-a-guid", "tenantId")]
    [InlineData("programId=osa-buy", "programId")]
    public async Task List_InvalidFilter_IsFilterInvalid(string query, string field)
    {
        var partner = await app.PartnerAsync();

        await Problem.AssertAsync(await partner.GetAsync("/api/v1/associations?" + query), HttpStatusCode.BadRequest, "filter_invalid", field);
    }

    [Fact]
    public async Task List_ForeignCursor_IsCursorInvalid()
    {
        var partner = await app.PartnerAsync();
        var claimsCursor = new Cursor("createdAt", null, "clm_x").Encode();

        await Problem.AssertAsync(await partner.GetAsync("/api/v1/associations?cursor=" + claimsCursor), HttpStatusCode.BadRequest, "cursor_invalid", "cursor");
        await Problem.AssertAsync(await partner.GetAsync("/api/v1/associations?cursor=%%%"), HttpStatusCode.BadRequest, "cursor_invalid", "cursor");
    }

    [Fact]
    public async Task Get_OneAssociation_ShowsItsUnitAndVerdict()
    {
        var partner = await app.PartnerAsync();

        var association = await ApiFixture.OkAsync<AssociationResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}"));

        Assert.Equal(("teams", World.Tenant, Cpor.Domain.AssociationState.Active, true), (association.ProductId, association.TenantId, association.State, association.Eligible));
        Assert.Equal(AssociationFixture.ActiveFrom, association.ActiveFrom);
    }

    [Fact]
    public async Task Csv_HasTheSameFactsAsTheJson()
    {
        var partner = await app.PartnerAsync();

        var response = await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage.csv?from=2026-09&to=2026-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("usage-teams-2026-09-2026-10.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(new CacheControlHeaderValue { Private = true, NoStore = true }, response.Headers.CacheControl);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["month,activeUsers,enabledUsers", "2026-09,1100,1105", "2026-10,1110,1115"], lines);
    }

    [Fact]
    public async Task Csv_OfASubscription_HasSeatColumns()
    {
        var partner = await app.PartnerAsync();

        var text = await (await partner.GetAsync($"/api/v1/associations/{app.ContosoSales}/usage?format=csv&from=2026-10&to=2026-10")).Content.ReadAsStringAsync();

        Assert.Equal(["month,seatsPurchased,seatsAssigned", "2026-10,118,111"], text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Svg_IsAnAccessibleChartOfTheUnitInTheCallersLanguage()
    {
        var partner = await app.PartnerAsync("fr");

        var response = await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage.svg?from=2025-11&to=2026-10");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Microsoft Teams : utilisateurs actifs et activés par mois", svg.Element(ns + "title")!.Value);
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr");
        // Active since March 2026: the chart starts there, whatever period was asked for.
        Assert.Contains($"Utilisateurs actifs : {1040.ToString("N0", french)} en mars 2026, {1110.ToString("N0", french)} en octobre 2026.", svg.Element(ns + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal(16, svg.Descendants(ns + "title").Count(t => t.Parent!.Name != ns + "svg")); // a tooltip per point of both series
    }

    [Theory]
    [InlineData("/api/v1/associations?statuz=Active", "statuz")]
    [InlineData("/api/v1/associations/earnings?format=csv", "format")]
    [InlineData("/api/v1/associations/{0}/usage?month=2026-10", "month")]
    public async Task List_UnknownQueryParameter_IsUnknownParameter(string url, string parameter)
    {
        var partner = await app.PartnerAsync();

        await Problem.AssertAsync(await partner.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, app.ContosoTeams)), HttpStatusCode.BadRequest, "unknown_parameter", parameter);
    }

    [Fact]
    public async Task List_FiltersAndPaging_AreAccepted()
    {
        var partner = await app.PartnerAsync();

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/associations?state=Active&limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/associations/earnings?state=Active&limit=1&culture=it")).StatusCode);
    }

    [Fact]
    public async Task Usage_UnknownFormat_IsFilterInvalid()
    {
        var partner = await app.PartnerAsync();

        await Problem.AssertAsync(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage?format=xml"), HttpStatusCode.BadRequest, "filter_invalid", "format");
    }

    [Theory]
    [InlineData("from=2026-13", "from")]
    [InlineData("to=26-10", "to")]
    [InlineData("from=2026-10-01", "from")]
    public async Task Usage_MalformedMonth_IsMonthInvalid_SayingHowToWriteMonths(string query, string field)
    {
        var partner = await app.PartnerAsync("fr");

        var body = await Problem.AssertAsync(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage?{query}"), HttpStatusCode.BadRequest, "month_invalid", field);

        Assert.Contains("2026-11", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-20", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-10&to=2026-09")]
    [InlineData("from=2000-01&to=2026-10")]
    public async Task Usage_BackwardsOrTooLongPeriod_IsUsageRangeInvalid(string query)
    {
        var partner = await app.PartnerAsync();

        await Problem.AssertAsync(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage?{query}"), HttpStatusCode.BadRequest, "usage_range_invalid", "from");
    }

    [Fact]
    public async Task Usage_WithoutAPeriod_ShowsTheLast24MonthsUpToNow_SinceItBecameActive()
    {
        var partner = await app.PartnerAsync();

        var usage = await ApiFixture.OkAsync<UsageResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage"));

        Assert.Equal(("2026-03", "2026-11"), (usage.From, usage.To)); // Active since March; the clock is in November 2026
        Assert.Equal(8, usage.Months.Count); // the facts run to 2026-10
    }
}
