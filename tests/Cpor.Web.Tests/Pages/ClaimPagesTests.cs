using System.Net;
using System.Text.Json;
using Cpor.Domain;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

public class ClaimPagesTests(UiFixture app) : IClassFixture<UiFixture>
{
    private static Dictionary<string, string> NewClaimForm(string name, string workload, string domain = World.Domain) => new()
    {
        ["Form.Name"] = name,
        ["Form.MpnId"] = World.ContosoMpn,
        ["Form.CustomerDomain"] = domain,
        ["Form.TenantId"] = World.Tenant.ToString(),
        ["Form.SolutionArea"] = "Microsoft365",
        ["Form.Activity"] = "Usage",
        ["Form.Products"] = workload,
        ["Form.CustomerName"] = "Ann Lee",
        ["Form.CustomerTitle"] = "CIO",
        ["Form.CustomerEmail"] = "ann.lee@customer.test",
        ["Form.PartnerName"] = "Pat Partner",
        ["Form.PartnerEmail"] = "pat@contoso.test",
    };

    [Fact]
    public async Task NewClaim_WithADomainOfAnotherTenant_ShowsTheValidatorsMessageNextToTheDomainInFrench()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var form = await browser.GetPageAsync("/Partner/Claims/New", "fr");

        var response = await browser.PostFormAsync("/Partner/Claims/New", form, NewClaimForm("Mauvais domaine", "exchange-online", World.OtherDomain), "fr");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.Equal($"Le domaine {World.OtherDomain} n’est pas un domaine vérifié du locataire {World.Tenant}.", page.QuerySelector("#customer-domain-error")?.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#customer-domain")?.GetAttribute("aria-invalid"));
        Assert.Contains("customer-domain-error", page.QuerySelector("#customer-domain")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("#customer-domain", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Mauvais domaine", page.QuerySelector("#claim-name")?.GetAttribute("value"));
    }

    [Fact]
    public async Task NewClaim_WithASubscriptionError_ShowsItUnderThatProductsPicker()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var form = await browser.GetPageAsync("/Partner/Claims/New");
        var fields = NewClaimForm("Finance", "dynamics-365-finance");
        fields["Form.SolutionArea"] = "BusinessApplications";

        var response = await browser.PostFormAsync("/Partner/Claims/New", form, fields);

        var page = await UiClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#subscription-dynamics-365-finance-error"));
        Assert.NotNull(page.QuerySelector("#technical-name-error"));
        Assert.Equal(2, page.QuerySelectorAll("#subscription-dynamics-365-finance option:not([value=''])").Length);
    }

    [Fact]
    public async Task NewClaim_WithAValidForm_CreatesADraftAndOpensTheProofStep()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var form = await browser.GetPageAsync("/Partner/Claims/New");

        var response = await browser.PostFormAsync("/Partner/Claims/New", form, NewClaimForm("From the wizard", "onedrive"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/Partner/Claims/clm_[0-9a-f]+/Finish$", location);
        var id = location.Split('/')[3];
        var claim = await app.GetClaimAsync(await app.PartnerAsync(), id);
        Assert.Equal(ClaimStatus.Draft, claim.Status);
        Assert.Equal("onedrive", Assert.Single(claim.Products).ProductId);
        await (await app.PartnerAsync()).PostAsync($"/api/v1/claims/{id}/withdraw", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task CustomerCheck_ForAMatchingDomainAndTenant_ListsTheSubscriptionsAndWhetherEachIsClaimable()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var response = await browser.GetAsync($"/Partner/Claims/New?handler=Customer&tenantId={World.Tenant}&customerDomain={World.Domain}", accept: "application/json");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("ok").GetBoolean());
        var subscriptions = json.GetProperty("subscriptions").EnumerateArray().ToDictionary(s => Guid.Parse(s.GetProperty("id").GetString()!), s => s.GetProperty("claimable").GetBoolean());
        Assert.True(subscriptions[World.FinanceSubscription1]);
        Assert.True(subscriptions[World.FinanceSubscription2]);
        Assert.False(subscriptions[World.CspSubscription]);
        Assert.False(subscriptions[World.DisabledSubscription]);
        Assert.Contains("teams", json.GetProperty("workloads").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task CustomerCheck_ForADomainOfAnotherTenant_TellsTheDomainFieldAndRevealsNothing()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var response = await browser.GetAsync($"/Partner/Claims/New?handler=Customer&tenantId={World.Tenant}&customerDomain={World.OtherDomain}", "it", "application/json");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(json.GetProperty("ok").GetBoolean());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("customer-domain", error.GetProperty("input").GetString());
        Assert.StartsWith("Il dominio", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.GetProperty("subscriptions").EnumerateArray());
    }

    [Fact]
    public async Task Finish_UploadFromTheDropZoneThenSubmit_SubmitsAndPostsTheComment()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Finish", "exchange-online"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var finish = await browser.GetPageAsync($"/Partner/Claims/{draft.Id}/Finish");

        var upload = await browser.PostFilesAsync(
            $"/Partner/Claims/{draft.Id}?handler=Upload&returnTo=finish", finish, "file", [("proof.pdf", Files.Pdf("Proof"))], fromScript: true);
        var list = await UiClient.ParseAsync(upload);
        var submitted = await browser.PostFormAsync($"/Partner/Claims/{draft.Id}/Finish", finish, new()
        {
            ["Version"] = list.QuerySelector("#attachments")!.GetAttribute("data-version")!,
            ["CommentBody"] = "Signed acknowledgement attached.",
        });

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("proof.pdf", list.QuerySelector("#attachments a")?.TextContent);
        Assert.Equal($"/Partner/Claims/{draft.Id}", submitted.Headers.Location?.OriginalString);
        var claim = await app.GetClaimAsync(partner, draft.Id);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        var page = await browser.GetPageAsync($"/Partner/Claims/{draft.Id}");
        Assert.Equal("Signed acknowledgement attached.", page.QuerySelector(".comments .text")?.TextContent);
    }

    [Fact]
    public async Task Finish_OfADraftThatCompetes_WarnsBeforeSubmitting_AndOnlyThen()
    {
        var contested = await app.NewTenantAsync();
        var free = await app.NewTenantAsync();
        await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(contested, "Fabrikam first", "teams").AsFabrikam());
        var partner = await app.PartnerAsync();
        await using var competing = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(contested, "Competing draft", "teams"));
        await using var alone = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(free, "Alone", "teams"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var warned = await browser.GetPageAsync($"/Partner/Claims/{competing.Id}/Finish", "fr");
        var quiet = await browser.GetPageAsync($"/Partner/Claims/{alone.Id}/Finish", "fr");

        Assert.True(competing.Claim.Competing);
        var notice = warned.QuerySelector(".competing-notice")?.TextContent.Trim();
        Assert.NotNull(notice);
        Assert.Equal(new System.Resources.ResourceManager("Cpor.Web.Resources.UiText", typeof(Program).Assembly).GetString("claimFinish.competing", System.Globalization.CultureInfo.GetCultureInfo("fr")), notice);
        Assert.Null(quiet.QuerySelector(".competing-notice"));
    }

    [Fact]
    public async Task Finish_SubmitWithoutProof_SaysTheProofIsRequired()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("No proof", "teams"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var finish = await browser.GetPageAsync($"/Partner/Claims/{draft.Id}/Finish", "it");

        var response = await browser.PostFormAsync($"/Partner/Claims/{draft.Id}/Finish", finish, new() { ["Version"] = "1" }, "it");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.StartsWith("Allegare almeno un file", page.QuerySelector("#poe-files-error")?.TextContent.Trim());
        Assert.Equal(ClaimStatus.Draft, (await app.GetClaimAsync(partner, draft.Id)).Status);
    }

    [Fact]
    public async Task Upload_OfAnExecutableRenamedPdf_IsRefusedWithTheLocalizedReason()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Bad file", "sharepoint-online"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var finish = await browser.GetPageAsync($"/Partner/Claims/{draft.Id}/Finish");

        var response = await browser.PostFilesAsync($"/Partner/Claims/{draft.Id}?handler=Upload&returnTo=finish", finish, "file", [("proof.pdf", Files.Executable())], fromScript: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("The content of this file", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await app.GetClaimAsync(partner, draft.Id)).Attachments);
    }

    [Fact]
    public async Task Edit_OfASubmittedClaim_ChangesTheContactAndLocksTheName()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateSubmittedClaimAsync(partner, World.M365Claim("Edit me", "sharepoint-online"));
        var browser = await app.BrowserAsync(World.ContosoBilling);
        var form = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}/Edit");
        var fields = form.QuerySelectorAll("form.claim-form input[name^='Form.']:not([disabled]):not([type=checkbox]):not([type=radio]), form.claim-form select[name^='Form.']:not([disabled])")
            .Where(e => e.Closest("fieldset[disabled]") is null)
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        fields["Form.CustomerName"] = "Bo Chen";
        fields["Version"] = claim.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await browser.PostFormAsync($"/Partner/Claims/{claim.Id}/Edit", form, fields, more: [new("Form.Products", "sharepoint-online")]);

        Assert.NotNull(form.QuerySelector("#claim-name[disabled]"));
        Assert.Null(form.QuerySelector("#customer-name[disabled]"));
        Assert.Equal($"/Partner/Claims/{claim.Id}", response.Headers.Location?.OriginalString);
        var edited = await app.GetClaimAsync(partner, claim.Id);
        Assert.Equal("Bo Chen", edited.CustomerContact.Name);
        Assert.Equal("Edit me", edited.Name);
        await partner.PostAsync($"/api/v1/claims/{claim.Id}/withdraw", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task Withdraw_FromTheClaimPage_RejectsItAtThePartnersRequest()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateDraftAsync(partner, World.M365Claim("Withdraw me", "onedrive"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var page = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}");

        var response = await browser.PostFormAsync($"/Partner/Claims/{claim.Id}?handler=Withdraw", page, new() { ["Version"] = claim.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["WithdrawComment"] = "Wrong MPN" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var withdrawn = await app.GetClaimAsync(partner, claim.Id);
        Assert.Equal(ClaimStatus.Rejected, withdrawn.Status);
        Assert.Equal("PartnerRequest", withdrawn.StatusReason);
    }

    [Fact]
    public async Task Action_WithAStaleVersion_SaysSomeoneChangedTheClaim()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Stale", "exchange-online"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var page = await browser.GetPageAsync($"/Partner/Claims/{draft.Id}");
        await app.AttachAsync(partner, draft.Id);

        var response = await browser.PostFormAsync($"/Partner/Claims/{draft.Id}?handler=Submit", page, new() { ["Version"] = draft.Claim.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await UiClient.ParseAsync(response)).QuerySelector(".error-summary"));
        Assert.Equal(ClaimStatus.Draft, (await app.GetClaimAsync(partner, draft.Id)).Status);
    }

    [Fact]
    public async Task Dispute_OfARejectedClaimWithinTheWindow_DisputesIt()
    {
        var partner = await app.PartnerAsync();
        var body = World.M365Claim("Dispute me", "exchange-online");
        (body["tenantId"], body["customerDomain"]) = (World.OtherTenant.ToString(), World.OtherDomain);
        var claim = await app.CreateRejectedClaimAsync(partner, body);
        var browser = await app.BrowserAsync(World.ContosoBilling);
        var page = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}");
        var version = (await app.GetClaimAsync(partner, claim.Id)).Version;

        var response = await browser.PostFormAsync($"/Partner/Claims/{claim.Id}?handler=Dispute", page, new() { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Justification"] = "The signed statement of work covers it." });

        Assert.NotNull(page.QuerySelector("#justification"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClaimStatus.Disputed, (await app.GetClaimAsync(partner, claim.Id)).Status);
    }

    [Fact]
    public async Task ClaimPage_OfAnActiveAssociation_OffersToAddProof_ButNotToRemoveIt()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Active with proof"));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.StartReview(ctx));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.Approve(7, null, ctx));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.CompleteConsentWindow(ctx), at: app.Clock.Now.AddDays(8));
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}");

        Assert.Equal(ClaimStatus.Active, (await app.GetClaimAsync(partner, claim.Id)).Status);
        Assert.NotNull(page.QuerySelector("form[action$='handler=Upload'] input[type=file]"));
        Assert.Null(page.QuerySelector("form[action*='handler=Remove']"));
    }

    [Fact]
    public async Task ClaimPage_AfterASecondOptOut_OffersNoDispute_AndSaysTheRejectionIsFinal()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Opted out twice"));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.StartReview(ctx));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.Approve(7, null, ctx));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.OptOut(null, ctx));
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var firstRejection = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}");
        await app.ReviewAsync(claim.Id, (c, ctx) => c.Dispute("The wrong person opted out.", ctx));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.Approve(7, null, ctx));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.OptOut(null, ctx));

        var page = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}", "fr");

        Assert.NotNull(firstRejection.QuerySelector("#justification"));
        Assert.Null(firstRejection.QuerySelector(".dispute-final"));
        Assert.Null(page.QuerySelector("#justification"));
        Assert.Null(page.QuerySelector("form[action$='handler=Dispute']"));
        Assert.Equal("Ce rejet est définitif : il ne peut plus être contesté. Pour revendiquer à nouveau ces produits, déposez une nouvelle revendication.", page.QuerySelector(".dispute-final")?.TextContent);
    }

    [Fact]
    public async Task ClaimPage_WhenInformationWasRequested_ShowsTheReasonsTheReviewersQuestionAndTheAnswerDeadline()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateSubmittedClaimAsync(partner, World.M365Claim("Needs info", "exchange-online"));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.StartReview(ctx));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.RequestInfo([InfoRequestReason.DatesMissingOrOld], "Dates please", ctx));
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}", "fr");

        Assert.Equal("Dates manquantes ou trop anciennes", page.QuerySelector(".info-request li")?.TextContent);
        Assert.Equal("Dates please", page.QuerySelector(".info-request blockquote")?.TextContent);
        var due = (await app.GetClaimAsync(partner, claim.Id)).DueAt!.Value;
        var deadline = page.QuerySelector(".deadlines time");
        Assert.Equal(due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), deadline?.GetAttribute("datetime"));
        Assert.Equal(due.ToString("g", System.Globalization.CultureInfo.GetCultureInfo("fr")), deadline?.TextContent);
        Assert.Equal("Dates please", page.QuerySelector(".comments .text")?.TextContent);
        Assert.NotNull(page.QuerySelector("form[action$='handler=Submit'] button"));
        await partner.PostAsync($"/api/v1/claims/{claim.Id}/withdraw", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task ClaimPage_AfterAResubmission_ShowsThePathTakenInTimeOrder()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Loop"));
        var at = app.Clock.Now;
        await app.ReviewAsync(claim.Id, (c, ctx) => c.StartReview(ctx), at: at.AddMinutes(1));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.RequestInfo([InfoRequestReason.DatesMissingOrOld], null, ctx), at: at.AddMinutes(2));
        await app.ReviewAsync(claim.Id, (c, ctx) => c.Submit(ctx), at: at.AddMinutes(3));
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}");

        var steps = page.QuerySelectorAll(".timeline li").ToList();
        Assert.Equal(
            ["done", "done", "done", "done", "current", "upcoming", "upcoming", "upcoming"],
            steps.Select(s => s.ClassName!.Replace("step-", "", StringComparison.Ordinal)));
        Assert.Equal(
            ["Draft", "Submitted", "In review", "Partner action required", "Submitted", "In review", "Approved", "Active"],
            steps.Select(s => s.QuerySelector(".step-name")!.TextContent));
        var times = steps.Select(s => s.QuerySelector("time")?.GetAttribute("datetime")).OfType<string>().ToList();
        Assert.Equal(5, times.Count);
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    [Fact]
    public async Task ClaimPage_History_NamesProductsByTheirCatalogNames()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Named products", "teams").WithProducts("teams", "sharepoint-online"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}");

        var lines = page.QuerySelectorAll(".history .changes li").Select(li => li.TextContent).ToList();
        Assert.Contains("Products: Microsoft Teams, SharePoint Online", lines);
        Assert.DoesNotContain(lines, l => l.Contains("sharepoint-online", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClaimPage_ForTheReadOnlyRole_OffersNoAction()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Read only", "onedrive"));
        var browser = await app.BrowserAsync(World.ContosoViewer);

        var page = await browser.GetPageAsync($"/Partner/Claims/{draft.Id}");
        var response = await browser.PostFormAsync($"/Partner/Claims/{draft.Id}?handler=Comment", page, new() { ["CommentBody"] = "Let me in" });

        var forms = page.QuerySelectorAll("main form[method=post]");
        Assert.Empty(forms);
        Assert.Empty(page.QuerySelectorAll("a[href$='/Edit'], input[type=file], textarea"));
        UiClient.AssertAccessDenied(response);
    }

    [Fact]
    public async Task Claims_ForTheBillingAdmin_OfferNoNewClaim()
    {
        var browser = await app.BrowserAsync(World.ContosoBilling);

        var page = await browser.GetPageAsync("/Partner/Claims");
        var response = await browser.GetAsync("/Partner/Claims/New");

        Assert.Empty(page.QuerySelectorAll("a[href='/Partner/Claims/New']"));
        UiClient.AssertAccessDenied(response);
    }

    [Fact]
    public async Task Claims_FilteredAndExported_UseTheApisFiltersAndCsv()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Findable needle", "teams"));
        var browser = await app.BrowserAsync(World.ContosoViewer);

        var found = await browser.GetPageAsync("/Partner/Claims?q=needle&status=Draft");
        var none = await browser.GetPageAsync("/Partner/Claims?q=needle&status=Active");
        var csv = await browser.GetAsync("/Partner/Claims?handler=Export&q=needle", accept: "text/csv");

        Assert.Equal("Findable needle", Assert.Single(found.QuerySelectorAll(".claims-table tbody a")).TextContent);
        Assert.Empty(none.QuerySelectorAll(".claims-table tbody tr"));
        Assert.Equal("/Partner/Claims?handler=Export&q=needle&status=Draft", found.QuerySelector("a.export")?.GetAttribute("href"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(draft.Id, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_PagedWithTheCursor_ShowEachClaimOnceKeepingTheFilters()
    {
        var partner = await app.PartnerAsync();
        await using var first = await app.TemporaryDraftAsync(partner, World.M365Claim("Paged one", "exchange-online"));
        await using var second = await app.TemporaryDraftAsync(partner, World.M365Claim("Paged two", "sharepoint-online"));
        var browser = await app.BrowserAsync(World.ContosoViewer);

        var page1 = await browser.GetPageAsync("/Partner/Claims?q=Paged&limit=1");
        var next = page1.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var page2 = await browser.GetPageAsync(next);

        Assert.Contains("q=Paged", next, StringComparison.Ordinal);
        Assert.Contains("limit=1", next, StringComparison.Ordinal);
        Assert.Equal("Paged two", Assert.Single(page1.QuerySelectorAll(".claims-table tbody a")).TextContent);
        Assert.Equal("Paged one", Assert.Single(page2.QuerySelectorAll(".claims-table tbody a")).TextContent);
        Assert.Null(page2.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task Claims_WithAnUnknownStatusFilter_ShowTheRefusalInsteadOfFailing()
    {
        var browser = await app.BrowserAsync(World.ContosoViewer);

        var response = await browser.GetAsync("/Partner/Claims?status=Bogus");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("#filter-status", (await UiClient.ParseAsync(response)).QuerySelector(".error-summary a")?.GetAttribute("href"));
    }
}
