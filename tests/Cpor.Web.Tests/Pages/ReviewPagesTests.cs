using System.Globalization;
using System.Net;
using System.Resources;
using AngleSharp.Dom;
using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

/// <summary>The reviewers' pages: the queue, the review page and its actions, PoE previews, arbitration, and who may open them.</summary>
public class ReviewPagesTests(UiFixture app) : IClassFixture<UiFixture>
{
    private static readonly ResourceManager ErrorText = new("Cpor.Web.Resources.ErrorMessages", typeof(Program).Assembly);
    private static readonly ResourceManager UiText = new("Cpor.Web.Resources.UiText", typeof(Program).Assembly);

    [Fact]
    public async Task Home_ForAReviewer_LandsOnTheQueue()
    {
        var browser = await app.BrowserAsync(World.Reviewer);

        var response = await browser.GetAsync("/Home");

        Assert.Equal("/Review", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Queue_WithoutAStatusFilter_ListsWhatWaitsForAReviewerMostUrgentFirst_WithThePartnersName()
    {
        var tenant = await app.NewTenantAsync();
        var tag = Tag();
        var first = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, tag + " first", "teams"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        var second = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, tag + " second", "exchange-online").AsFabrikam());
        await using var draft = await app.TemporaryDraftAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, tag + " draft", "onedrive"));
        var browser = await app.BrowserAsync(World.Reviewer);

        var queue = await browser.GetPageAsync($"/Review?q={tag}");
        var everything = await browser.GetPageAsync($"/Review?q={tag}&status=any");

        Assert.Equal([first.Id, second.Id], ClaimIds(queue));
        var rows = queue.QuerySelectorAll(".review-queue tbody tr");
        Assert.StartsWith("Contoso", rows[0].QuerySelectorAll("td")[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Fabrikam", rows[1].QuerySelectorAll("td")[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Iso(first.DueAt), rows[0].QuerySelectorAll("td")[4].QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Contains(draft.Id, ClaimIds(everything));
    }

    [Fact]
    public async Task Queue_FilteredOnOverdueOrCompeting_ShowsOnlyThoseClaimsWithTheirBadges()
    {
        var tenant = await app.NewTenantAsync();
        var tag = Tag();
        var partner = await app.PartnerAsync();
        var late = await app.CreateDraftAsync(partner, ReviewSteps.M365ClaimOn(tenant, tag + " late", "onedrive"));
        await app.AttachAsync(partner, late.Id);
        await app.ReviewAsync(late.Id, (c, ctx) => c.Submit(ctx), at: app.Clock.Now.AddDays(-10));
        var contoso = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, tag + " contoso", "teams"));
        var fabrikam = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, tag + " fabrikam", "teams").AsFabrikam());
        var browser = await app.BrowserAsync(World.Reviewer);

        var overdue = await browser.GetPageAsync($"/Review?q={tag}&overdue=true");
        var competing = await browser.GetPageAsync($"/Review?q={tag}&competing=true");

        Assert.Equal([late.Id], ClaimIds(overdue));
        Assert.NotNull(overdue.QuerySelector(".review-queue tbody .badge.overdue"));
        Assert.Equal(new[] { contoso.Id, fabrikam.Id }.Order(), ClaimIds(competing).Order());
        Assert.Equal(2, competing.QuerySelectorAll(".review-queue tbody .badge.competing").Length);
        Assert.Contains($"/Review/Claims/{fabrikam.Id}/Arbitration", competing.QuerySelectorAll(".review-queue a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Queue_PagedWithTheCursor_ShowsEachClaimOnceKeepingTheFilters()
    {
        var tenant = await app.NewTenantAsync();
        var tag = Tag();
        var partner = await app.PartnerAsync();
        var first = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, tag + " one", "teams"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, tag + " two", "onedrive"));
        var browser = await app.BrowserAsync(World.Reviewer);

        var page1 = await browser.GetPageAsync($"/Review?q={tag}&limit=1");
        var next = page1.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var page2 = await browser.GetPageAsync(next);

        Assert.Contains($"q={tag}", next, StringComparison.Ordinal);
        Assert.Equal([first.Id], ClaimIds(page1));
        Assert.Equal([second.Id], ClaimIds(page2));
        Assert.Null(page2.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task StartReview_FromTheReviewPage_MovesTheClaimInReviewWithTheReviewerAsItsReviewer()
    {
        var claim = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Start me"));
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");

        var response = await browser.PostFormAsync($"/Review/Claims/{claim.Id}?handler=Start", page, new() { ["Version"] = VersionOf(page) });

        Assert.Equal($"/Review/Claims/{claim.Id}", response.Headers.Location?.OriginalString);
        var started = await app.GetClaimAsync(await app.ReviewerAsync(), claim.Id);
        Assert.Equal(ClaimStatus.InReview, started.Status);
        Assert.NotNull(started.ReviewerId);
        Assert.Equal(Ui("review.flash.started"), (await browser.GetPageAsync($"/Review/Claims/{claim.Id}")).QuerySelector(".flash")?.TextContent);
    }

    [Fact]
    public async Task RequestInfo_WithTwoReasonsAndAComment_AsksThePartnerForThem()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Needs more"));
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");

        var response = await browser.PostFormAsync(
            $"/Review/Claims/{claim.Id}?handler=RequestInfo", page,
            new() { ["Version"] = VersionOf(page), ["RequestComment"] = "Add the dated, signed acknowledgement." },
            more: [new("Reasons", "PoeMissing"), new("Reasons", "DatesMissingOrOld")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var asked = await app.GetClaimAsync(await app.PartnerAsync(), claim.Id);
        Assert.Equal(ClaimStatus.PartnerActionRequired, asked.Status);
        Assert.Equal([InfoRequestReason.PoeMissing, InfoRequestReason.DatesMissingOrOld], asked.InfoRequestReasons);
        Assert.Equal("Add the dated, signed acknowledgement.", (await (await app.PartnerAsync()).HistoryAsync(claim.Id))[^1].Comment);
    }

    [Fact]
    public async Task RequestInfo_WithoutAReason_ShowsTheFrenchErrorOnTheReasonsAndChangesNothing()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "No reason"));
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}", "fr");

        var response = await browser.PostFormAsync(
            $"/Review/Claims/{claim.Id}?handler=RequestInfo", page, new() { ["Version"] = VersionOf(page), ["RequestComment"] = "Pourquoi ?" }, "fr");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refused = await UiClient.ParseAsync(response);
        Assert.Equal(Error("info_reasons_required.detail", "fr"), refused.QuerySelector("#request-reasons-error")?.TextContent.Trim());
        Assert.Equal("#request-reasons", refused.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.True(refused.QuerySelector("details#request-info")?.HasAttribute("open"));
        Assert.Equal("Pourquoi ?", refused.QuerySelector("#request-comment")?.TextContent);
        Assert.Equal(ClaimStatus.InReview, (await app.GetClaimAsync(await app.ReviewerAsync(), claim.Id)).Status);
    }

    [Fact]
    public async Task ReviewPage_InItalian_OffersEveryInfoReasonAsALabelledCheckbox()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Checkboxes"));
        var browser = await app.BrowserAsync(World.Reviewer);

        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}", "it");

        var boxes = page.QuerySelectorAll("#request-reasons input[type=checkbox][name=Reasons]");
        Assert.Equal(Enum.GetNames<InfoRequestReason>(), boxes.Select(b => b.GetAttribute("value")));
        Assert.All(boxes, box => Assert.Equal(
            Ui("review.reason." + box.GetAttribute("value"), "it"),
            page.QuerySelector($"label[for='{box.Id}']")?.TextContent));
    }

    [Fact]
    public async Task Approve_WhenAnotherPartnerHoldsTheUnit_NamesTheIncumbentAndPromisesTheUnitOnlyOnceConfirmed()
    {
        var tenant = await app.NewTenantAsync();
        var incumbent = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Incumbent", "teams"));
        var challenger = await app.InReviewClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Challenger", "teams").AsFabrikam());
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{challenger.Id}");

        var asked = await browser.PostFormAsync(
            $"/Review/Claims/{challenger.Id}?handler=Approve", page, new() { ["Version"] = VersionOf(page), ["ApproveComment"] = "Fabrikam did the rollout." });

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var confirmation = await UiClient.ParseAsync(asked);
        var card = confirmation.QuerySelector(".confirm-card")!;
        Assert.Contains("Contoso", card.QuerySelector(".incumbents")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Review/Claims/{incumbent.Id}", card.QuerySelector(".incumbents a")?.GetAttribute("href"));
        Assert.Equal("true", card.QuerySelector("input[name=Supersede]")?.GetAttribute("value"));
        Assert.Equal("Fabrikam did the rollout.", card.QuerySelector("textarea[name=ApproveComment]")?.TextContent);
        Assert.Equal(ClaimStatus.InReview, (await app.GetClaimAsync(await app.ReviewerAsync(), challenger.Id)).Status);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(await app.ReviewerAsync(), incumbent.Id)).Status);

        var confirmed = await browser.PostFormAsync(
            $"/Review/Claims/{challenger.Id}?handler=Approve", confirmation,
            new() { ["Version"] = VersionOf(confirmation), ["Supersede"] = "true", ["ApproveComment"] = "Fabrikam did the rollout." });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(await app.ReviewerAsync(), challenger.Id)).Status);
        // The unit changes hands when the challenger's association becomes Active (decision 0010).
        var promised = await app.GetClaimAsync(await app.ReviewerAsync(), incumbent.Id);
        Assert.Equal((ClaimStatus.Approved, true), (promised.Status, Assert.Single(promised.Associations).HandoverPending));
    }

    [Fact]
    public async Task PartnerClaimPage_AfterAHandover_ShowsEachUnitsOwnAssociation()
    {
        var tenant = await app.NewTenantAsync();
        var body = ReviewSteps.M365ClaimOn(tenant, "Two units", "teams");
        body["products"] = new[] { new { productId = "teams" }, new { productId = "onedrive" } };
        var incumbent = await app.ApprovedClaimAsync(await app.PartnerAsync(), body);
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();
        var challenger = await app.InReviewClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Teams only", "teams").AsFabrikam());
        await (await app.ReviewerAsync()).ApproveAsync(challenger.Id, supersede: true);
        var promised = await (await app.BrowserAsync(World.ContosoIncentives)).GetPageAsync($"/Partner/Claims/{incumbent.Id}");
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();
        // Signed in again: the sign-in cookie does not outlive the week the clock moved.
        var handedOver = await (await app.BrowserAsync(World.ContosoIncentives)).GetPageAsync($"/Partner/Claims/{incumbent.Id}");

        var before = promised.QuerySelectorAll("li.unit .unit-state").Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        // Products come in no fixed order: compare as sets.
        Assert.Equal(["· official association", "· official association · given to another partner after arbitration once its association becomes official"], before.Order(StringComparer.Ordinal));
        var after = handedOver.QuerySelectorAll("li.unit .unit-state").Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["· association ended (Given to another partner after arbitration)", "· official association"], after.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reject_WithAReviewerReason_RejectsTheClaim_AndTheSelectOffersOnlyTheReviewersReasons()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Reject me"));
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");

        var response = await browser.PostFormAsync(
            $"/Review/Claims/{claim.Id}?handler=Reject", page,
            new() { ["Version"] = VersionOf(page), ["RejectReason"] = "ProductsMissing", ["RejectComment"] = "Teams does not appear in the proof." });

        var reasons = page.QuerySelectorAll("#reject-reason option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 });
        Assert.Equal(["PartnerRequest", "InsufficientPoe", "CustomerConsentMissing", "ProductsMissing", "PoeNotAvailable"], reasons);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rejected = await app.GetClaimAsync(await app.PartnerAsync(), claim.Id);
        Assert.Equal((ClaimStatus.Rejected, "ProductsMissing"), (rejected.Status, rejected.StatusReason));
    }

    [Fact]
    public async Task Reject_WithTheCustomersReason_IsRefusedNextToTheReason()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Not your reason"));
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");

        var response = await browser.PostFormAsync(
            $"/Review/Claims/{claim.Id}?handler=Reject", page, new() { ["Version"] = VersionOf(page), ["RejectReason"] = "CustomerDenied" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refused = await UiClient.ParseAsync(response);
        Assert.NotNull(refused.QuerySelector("#reject-reason-error"));
        Assert.Equal("true", refused.QuerySelector("#reject-reason")?.GetAttribute("aria-invalid"));
        Assert.Equal(ClaimStatus.InReview, (await app.GetClaimAsync(await app.ReviewerAsync(), claim.Id)).Status);
    }

    [Fact]
    public async Task DisputedClaim_OffersStartApproveAndReject_ShowsTheJustification_AndCanBeApproved()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateRejectedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Disputed one"));
        await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/dispute", new { justification = "The signed statement of work covers it." });
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");

        var response = await browser.PostFormAsync($"/Review/Claims/{claim.Id}?handler=Approve", page, new() { ["Version"] = VersionOf(page) });

        var handlers = page.QuerySelectorAll(".actions-card form").Select(f => f.GetAttribute("action")!.Split("handler=")[1]);
        Assert.Equal(["Start", "Approve", "Reject"], handlers);
        Assert.Contains("The signed statement of work covers it.", page.QuerySelector(".status-reason .text")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(partner, claim.Id)).Status);
    }

    [Fact]
    public async Task Approve_WithAStaleVersion_SaysSomeoneChangedTheClaimAndChangesNothing()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Stale review"));
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");
        await app.ReviewAsync(claim.Id, (c, ctx) => c.RequestInfo([InfoRequestReason.PoeMissing], null, ctx));

        var response = await browser.PostFormAsync($"/Review/Claims/{claim.Id}?handler=Approve", page, new() { ["Version"] = VersionOf(page) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(Error("version_mismatch.detail", "en"), (await UiClient.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.PartnerActionRequired, (await app.GetClaimAsync(await app.ReviewerAsync(), claim.Id)).Status);
    }

    [Fact]
    public async Task Comment_FromTheReviewPage_JoinsTheThreadAsTheReviewers()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Talk"));
        var browser = await app.BrowserAsync(World.Reviewer);
        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");

        var response = await browser.PostFormAsync($"/Review/Claims/{claim.Id}?handler=Comment", page, new() { ["CommentBody"] = "Which department signed?" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await browser.GetPageAsync($"/Review/Claims/{claim.Id}");
        Assert.Equal("Which department signed?", after.QuerySelector(".comments .comment-reviewer .text")?.TextContent);
    }

    [Theory]
    [InlineData("en", "1 other claim or association.")]
    [InlineData("fr", "1 autre revendication ou association.")]
    [InlineData("it", "1 altra richiesta o associazione.")]
    public async Task ReviewPage_OfAClaimWithOneCompetitor_SaysItInTheSingular(string language, string expected)
    {
        var tenant = await app.NewTenantAsync();
        await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Singular one", "onedrive"));
        var fabrikam = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Singular two", "onedrive").AsFabrikam());

        var page = await (await app.BrowserAsync(World.Reviewer)).GetPageAsync($"/Review/Claims/{fabrikam.Id}", language);

        Assert.Contains(expected, page.QuerySelector(".arbitration-notice p")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimPages_ShowTheArbitrationNoticeInTheReadersLanguage()
    {
        var tenant = await app.NewTenantAsync();
        var contoso = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Notice one", "sharepoint-online"));
        var fabrikam = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Notice two", "sharepoint-online").AsFabrikam());
        await (await app.ReviewerAsync()).StartReviewAsync(fabrikam.Id);

        var review = await (await app.BrowserAsync(World.Reviewer)).GetPageAsync($"/Review/Claims/{fabrikam.Id}", "it");
        var partner = await (await app.BrowserAsync(World.ContosoIncentives)).GetPageAsync($"/Partner/Claims/{contoso.Id}", "fr");

        Assert.Equal(Ui("comments.arbitrationNotice", "it"), review.QuerySelector(".comments .comment-system .text")?.TextContent);
        Assert.Equal(Ui("comments.arbitrationNotice", "fr"), partner.QuerySelector(".comments .comment-system .text")?.TextContent);
    }

    [Fact]
    public async Task ReviewPage_ShowsTheDeadlineInTheReviewersTimeZone()
    {
        var email = $"tokyo-{Tag()}@cpor.test";
        await ApiFixture.PostOkAsync<UserResponse>(await app.AdminAsync(), "/api/v1/admin/users", new
        {
            email, password = World.Password, roles = new[] { "Reviewer" }, language = "en", timeZone = "Asia/Tokyo",
        });
        var claim = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Time zone"));
        var browser = await app.BrowserAsync(email);

        var page = await browser.GetPageAsync($"/Review/Claims/{claim.Id}", "fr");

        var due = claim.DueAt!.Value;
        var shown = page.QuerySelector(".deadlines time")!;
        Assert.Equal(Iso(due), shown.GetAttribute("datetime"));
        var tokyo = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(tokyo.ToString("g", CultureInfo.GetCultureInfo("fr")), shown.TextContent);
    }

    [Fact]
    public async Task Arbitration_ShowsEveryClaimSideBySide_WithPartnerMpnContactsFilesAndActions()
    {
        var tenant = await app.NewTenantAsync();
        var partner = await app.PartnerAsync();
        var contoso = await app.CreateDraftAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Contoso side", "teams"));
        await app.AttachAsync(partner, contoso.Id, Files.Png(), "screenshot.png");
        await app.AttachAsync(partner, contoso.Id);
        await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{contoso.Id}/submit", new { });
        await (await app.ReviewerAsync()).StartReviewAsync(contoso.Id);
        var fabrikam = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Fabrikam side", "teams").AsFabrikam());
        var browser = await app.BrowserAsync(World.Reviewer);

        var page = await browser.GetPageAsync($"/Review/Claims/{fabrikam.Id}/Arbitration");

        var sides = page.QuerySelectorAll(".arbitration-side");
        Assert.Equal(["Fabrikam side", "Contoso side"], sides.Select(s => s.QuerySelector("h2")!.TextContent.Trim()));
        Assert.NotNull(sides[0].QuerySelector(".badge.subject-badge"));
        Assert.Contains("Fabrikam", sides[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(World.FabrikamMpn, sides[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Contoso", sides[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(World.ContosoMpn, sides[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("pat@contoso.test", sides[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("ann.lee@customer.test", sides[1].TextContent, StringComparison.Ordinal);
        var previews = sides[1].QuerySelectorAll("a.preview-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, previews.Count);
        Assert.All(previews, href => Assert.StartsWith($"/Review/Claims/{contoso.Id}?", href, StringComparison.Ordinal));
        Assert.All(previews, href => Assert.Contains("handler=Preview", href, StringComparison.Ordinal));
        Assert.NotNull(sides[0].QuerySelector($"form[action='/Review/Claims/{fabrikam.Id}?handler=Start']"));
        Assert.NotNull(sides[1].QuerySelector($"form[action='/Review/Claims/{contoso.Id}?handler=Approve']"));
        Assert.NotNull(sides[1].QuerySelector($"form[action='/Review/Claims/{contoso.Id}?handler=Reject'] select[name=RejectReason]"));
    }

    [Fact]
    public async Task Arbitration_ShowsTheNewestProofFirst()
    {
        var tenant = await app.NewTenantAsync();
        var partner = await app.PartnerAsync();
        var holder = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Newest proof", "sharepoint-online"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.AttachAsync(partner, holder.Id, fileName: "countersigned.pdf");
        var fabrikam = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Against the newest proof", "sharepoint-online").AsFabrikam());
        var browser = await app.BrowserAsync(World.Reviewer);

        var page = await browser.GetPageAsync($"/Review/Claims/{fabrikam.Id}/Arbitration");

        var holderSide = page.QuerySelectorAll(".arbitration-side")[1];
        Assert.Equal(["countersigned.pdf", "proof.pdf"], holderSide.QuerySelectorAll(".file-list a[download]").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Arbitration_ActionTakenFromTheView_ComesBackToTheView()
    {
        var tenant = await app.NewTenantAsync();
        var contoso = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Back one", "onedrive"));
        var fabrikam = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Back two", "onedrive").AsFabrikam());
        var browser = await app.BrowserAsync(World.Reviewer);
        var view = await browser.GetPageAsync($"/Review/Claims/{fabrikam.Id}/Arbitration");
        var form = view.QuerySelector($"form[action='/Review/Claims/{contoso.Id}?handler=Start']")!;

        var response = await browser.PostFormAsync(form.GetAttribute("action")!, view, Fields(form));

        Assert.Equal($"/Review/Claims/{fabrikam.Id}/Arbitration", response.Headers.Location?.OriginalString);
        Assert.Equal(ClaimStatus.InReview, (await app.GetClaimAsync(await app.ReviewerAsync(), contoso.Id)).Status);
    }

    [Theory]
    [InlineData("screenshot.png", "image/png")]
    [InlineData("proof.pdf", "application/pdf")]
    public async Task Preview_OfAnImageOrAPdf_IsServedInlineSandboxedAndFramableOnlyByTheSite(string fileName, string contentType)
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Preview"));
        var file = await app.AttachAsync(partner, draft.Id, fileName.EndsWith(".png", StringComparison.Ordinal) ? Files.Png() : Files.Pdf("Proof"), fileName);
        var browser = await app.BrowserAsync(World.Reviewer);

        var response = await browser.GetAsync($"/Review/Claims/{draft.Id}?handler=Preview&attachmentId={file.Id}", accept: "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; sandbox; frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Preview_OfAnyOtherType_IsNotFound_WhileItsDownloadWorks()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "No preview"));
        var file = await app.AttachAsync(partner, draft.Id, Files.Docx(), "statement.docx");
        var browser = await app.BrowserAsync(World.Reviewer);

        var preview = await browser.GetAsync($"/Review/Claims/{draft.Id}?handler=Preview&attachmentId={file.Id}", accept: "*/*");
        var download = await browser.GetAsync($"/Review/Claims/{draft.Id}?handler=Download&attachmentId={file.Id}", accept: "*/*");

        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("default-src 'none'; sandbox", Assert.Single(download.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task ReviewPage_DrawsImagesAsImgAndPdfsInAFrame_AndNeverPreviewsOtherFiles()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Previews"));
        var png = await app.AttachAsync(partner, draft.Id, Files.Png(), "screenshot.png");
        var pdf = await app.AttachAsync(partner, draft.Id);
        var docx = await app.AttachAsync(partner, draft.Id, Files.Docx(), "statement.docx");
        var browser = await app.BrowserAsync(World.Reviewer);

        var page = await browser.GetPageAsync($"/Review/Claims/{draft.Id}");

        Assert.Equal([$"attachmentId={png.Id}"], page.QuerySelectorAll(".poe-previews img").Select(i => AttachmentOf(i.GetAttribute("src"))));
        Assert.Equal([$"attachmentId={pdf.Id}"], page.QuerySelectorAll(".poe-previews iframe").Select(i => AttachmentOf(i.GetAttribute("src"))));
        Assert.DoesNotContain(page.QuerySelectorAll("[src], a.preview-link"), e => (e.GetAttribute("src") ?? e.GetAttribute("href"))!.Contains(docx.Id, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($".file-list a[download][href*='{docx.Id}']"));
    }

    [Theory]
    [InlineData(World.ContosoGlobal)]
    [InlineData(World.CustomerAdmin)]
    public async Task ReviewPages_ForAPartnerOrACustomer_AreDenied(string email)
    {
        var claim = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Not for you"));
        var browser = await app.BrowserAsync(email);

        foreach (var path in new[] { "/Review", $"/Review/Claims/{claim.Id}", $"/Review/Claims/{claim.Id}/Arbitration" })
        {
            var response = await browser.GetAsync(path);
            UiClient.AssertAccessDenied(response);
        }
    }

    [Fact]
    public async Task StartReview_PostedByAPartner_IsDeniedAndChangesNothing()
    {
        var claim = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Self review"));
        var browser = await app.BrowserAsync(World.ContosoGlobal);
        var ownPage = await browser.GetPageAsync($"/Partner/Claims/{claim.Id}");

        var response = await browser.PostFormAsync($"/Review/Claims/{claim.Id}?handler=Start", ownPage, new() { ["Version"] = claim.Version.ToString(CultureInfo.InvariantCulture) });

        UiClient.AssertAccessDenied(response);
        Assert.Equal(ClaimStatus.Submitted, (await app.GetClaimAsync(await app.PartnerAsync(), claim.Id)).Status);
    }

    [Fact]
    public async Task ReviewPage_OfAnUnknownClaim_IsNotFound()
    {
        var browser = await app.BrowserAsync(World.Reviewer);

        var response = await browser.GetAsync("/Review/Claims/clm_unknown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReviewPages_HaveNoInlineScriptOrStyle()
    {
        var tenant = await app.NewTenantAsync();
        var contoso = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Inline one", "teams"));
        await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Inline two", "teams").AsFabrikam());
        var browser = await app.BrowserAsync(World.Reviewer);

        foreach (var path in new[] { "/Review", $"/Review/Claims/{contoso.Id}", $"/Review/Claims/{contoso.Id}/Arbitration" })
        {
            var page = await browser.GetPageAsync(path);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ClaimPage_OfACompetingClaim_ShowsTheCompetitorAndTheProofBeforeTheActions()
    {
        var tenant = await app.NewTenantAsync();
        var tag = Tag();
        var contoso = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, tag + " contoso", "teams"));
        var fabrikam = await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, tag + " fabrikam", "teams").AsFabrikam());
        var browser = await app.BrowserAsync(World.Reviewer);

        var page = await browser.GetPageAsync($"/Review/Claims/{fabrikam.Id}");

        Assert.NotNull(page.QuerySelector($".arbitration-notice .competitors a[href='/Review/Claims/{contoso.Id}']"));
        var all = page.All.ToList();
        var order = new[] { "#competitors-title", "#details-title", "#poe-title", "#actions-title" }
            .Select(selector => all.IndexOf(page.QuerySelector(selector) ?? throw new InvalidOperationException("no " + selector)))
            .ToList();
        Assert.Equal(order.Order(), order);
    }

    private static string Tag() => "q" + Guid.NewGuid().ToString("N")[..8];

    private static List<string> ClaimIds(IDocument page) =>
        [.. page.QuerySelectorAll(".review-queue tbody tr td:first-child a").Select(a => a.GetAttribute("href")!.Split('/')[^1])];

    private static string VersionOf(IDocument page) => page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    /// <summary>The hidden fields of a form, as a browser would send them.</summary>
    private static Dictionary<string, string> Fields(IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != UiClient.AntiforgeryField)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

    private static string AttachmentOf(string? url) => url!.Split('?')[1].Split('&').Single(p => p.StartsWith("attachmentId=", StringComparison.Ordinal));

    private static string Iso(DateTimeOffset? value) => value!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Ui(string key, string language = "en") => UiText.GetString(key, CultureInfo.GetCultureInfo(language))!;

    private static string Error(string key, string language) => ErrorText.GetString(key, CultureInfo.GetCultureInfo(language))!;
}
