using Cpor.E2E.Infrastructure;
using Cpor.E2E.Pages;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cpor.E2E;

[Collection(BrowserCollection.Name)]
public class ReviewAndConsentTests(BrowserFixture browser)
{
    [Fact]
    public async Task Reviewer_InFrench_StartsTheReviewAndApprovesASubmittedClaim()
    {
        var t = new UiText("fr");
        var customer = await DemoCustomers.Microsoft365Async(browser.App, index: 0);
        var name = $"{customer.Name} — revue {customer.ProductName}";
        await new DemoApi(browser.App).SubmittedClaimAsync("incentives@contoso.example", "4100002", customer, name);
        var page = await browser.SignedInAsync(DemoApi.Reviewer, "fr");

        var queue = new ReviewQueuePage(page, t);
        await Expect(queue.Heading).ToBeVisibleAsync();
        await Expect(queue.Row(name)).ToContainTextAsync("Contoso Cloud Partners");
        await Screenshots.SaveAsync(page, "review-queue-fr");
        await queue.ClaimLink(name).ClickAsync();

        var review = new ReviewClaimPage(page, t);
        await Expect(review.Heading(name)).ToBeVisibleAsync();
        await Expect(review.Status).ToContainTextAsync(t["status.Submitted"]);
        await Expect(review.PdfPreview("proof-of-execution.pdf")).ToBeVisibleAsync();
        await review.StartReviewAsync();
        await Expect(review.Flash("review.flash.started")).ToBeVisibleAsync();
        await Expect(review.Status).ToContainTextAsync(t["status.InReview"]);
        await Screenshots.SaveAsync(page, "review-claim-fr");

        await review.ApproveAsync("Preuve complète : déploiement signé par le client.");

        await Expect(review.Flash("review.flash.approved")).ToBeVisibleAsync();
        await Expect(review.Status).ToContainTextAsync(t["status.Approved"]);
        // The approval's comment is in the thread (and its history line).
        var thread = page.GetByRole(AriaRole.Region, new() { Name = t["comments.title"] });
        await Expect(thread.GetByText("Preuve complète : déploiement signé par le client.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "review-claim-approved-fr");
    }

    [Fact]
    public async Task Reviewer_InItalian_ComparesTheCompetingClaimsAndApprovesTheChallengerAfterConfirming()
    {
        var t = new UiText("it");
        var api = new DemoApi(browser.App);
        var customer = await DemoCustomers.Microsoft365Async(browser.App, index: 0);
        var incumbent = $"{customer.Name} — Contoso {customer.ProductName}";
        var challenger = $"{customer.Name} — Fabrikam {customer.ProductName}";
        await api.ApproveAsync(await api.SubmittedClaimAsync("incentives@contoso.example", "4100002", customer, incumbent));
        await api.SubmittedClaimAsync("incentives@fabrikam.example", "5200002", customer, challenger);
        var page = await browser.SignedInAsync(DemoApi.Reviewer, "it");

        var queue = new ReviewQueuePage(page, t);
        await queue.ArbitrationLink(challenger).ClickAsync();
        var arbitration = new ArbitrationPage(page, t);
        await Expect(arbitration.Heading).ToBeVisibleAsync();
        await Expect(arbitration.Side(challenger)).ToContainTextAsync("Fabrikam Digital");
        await Expect(arbitration.Side(incumbent)).ToContainTextAsync("Contoso Cloud Partners");
        await Expect(arbitration.Side(incumbent)).ToContainTextAsync(t["review.arbitration.holds"]);
        await Screenshots.SaveAsync(page, "review-arbitration-it");

        await arbitration.ActAsync("review.start", "Fabrikam Digital");
        await Expect(arbitration.Flash("review.flash.started")).ToBeVisibleAsync();
        await arbitration.ActAsync("review.approve", "Fabrikam Digital");

        var review = new ReviewClaimPage(page, t);
        await Expect(review.SupersedeConfirmation).ToContainTextAsync("Contoso Cloud Partners");
        await Screenshots.SaveAsync(page, "review-supersede-it");
        await review.ConfirmSupersedeAsync();

        await Expect(arbitration.Flash("review.flash.superseded")).ToBeVisibleAsync();
        await Expect(arbitration.Status(challenger)).ToContainTextAsync(t["status.Approved"]);
        // The handover completes when the challenger's association becomes Active: until then the incumbent holds the unit.
        await Expect(arbitration.Status(incumbent)).ToContainTextAsync(t["status.Approved"]);
        await Expect(arbitration.Side(incumbent)).ToContainTextAsync(t["review.arbitration.holds"]);
    }

    [Fact]
    public async Task CustomerAdmin_InFrench_OptsOutOnTheSignedInPage()
    {
        var t = new UiText("fr");
        var page = await browser.SignedInAsync("it@adatum.example", "fr");

        var claims = new CustomerClaimsPage(page, t);
        await Expect(claims.Heading).ToBeVisibleAsync();
        await Expect(claims.ClaimLink("Adatum — Exchange and OneDrive usage")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "customer-claims-fr");
        await claims.ClaimLink("Adatum — Dynamics 365 Sales pre-sales").ClickAsync();

        var claim = new CustomerClaimPage(page, t);
        await Expect(claim.Heading("Adatum — Dynamics 365 Sales pre-sales")).ToBeVisibleAsync();
        await Expect(claim.Status).ToContainTextAsync(t["status.Approved"]);
        await Screenshots.SaveAsync(page, "customer-claim-fr");
        await claim.OptOutAsync("Nous travaillons avec un autre partenaire pour les ventes.");

        await Expect(claim.Flash("customerClaims.flash.optedOut")).ToBeVisibleAsync();
        await Expect(claim.Status).ToContainTextAsync(t["status.Rejected"]);
        await Expect(page.GetByText(t["reason.rejection.CustomerDenied"])).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reviewer_InFrench_AsksForInformation_ThePartnerFollowsTheEmailedLinkAndReadsTheQuestion()
    {
        var fr = new UiText("fr");
        var en = new UiText("en");
        var customer = await DemoCustomers.Microsoft365Async(browser.App, index: 0);
        var name = $"{customer.Name} — question {customer.ProductName}";
        var claimId = await new DemoApi(browser.App).SubmittedClaimAsync("incentives@contoso.example", "4100002", customer, name);
        var reviewerPage = await browser.SignedInAsync(DemoApi.Reviewer, "fr");
        await reviewerPage.GotoAsync($"/Review/Claims/{claimId}");
        var review = new ReviewClaimPage(reviewerPage, fr);
        await review.StartReviewAsync();
        await Expect(review.Flash("review.flash.started")).ToBeVisibleAsync();

        await review.RequestInfoAsync(["DatesMissingOrOld"], "Quelles dates figurent sur la preuve ?");
        await Expect(review.Flash("review.flash.infoRequested")).ToBeVisibleAsync();

        var mail = (await browser.App.ComposeAsync(claimId)).Last(m => m.RecipientEmail == "incentives@contoso.example");
        var link = Emails.LinksOf(mail).First();
        var partnerPage = await browser.NewPageAsync("en");
        await partnerPage.GotoAsync(link);
        var signIn = new SignInPage(partnerPage, en);
        await Expect(signIn.Heading).ToBeVisibleAsync();
        await signIn.Email.FillAsync("incentives@contoso.example");
        await signIn.Password.FillAsync(BrowserFixture.DemoPassword);
        await signIn.SubmitAsync();

        var claim = new ClaimPage(partnerPage, en);
        await Expect(claim.Heading(name)).ToBeVisibleAsync();
        Assert.EndsWith(link, partnerPage.Url, StringComparison.Ordinal);
        await Expect(claim.InfoRequestReason("DatesMissingOrOld")).ToBeVisibleAsync();
        await Expect(partnerPage.Locator(".info-request").GetByText("Quelles dates figurent sur la preuve ?")).ToBeVisibleAsync();
        await Expect(claim.Comment("Quelles dates figurent sur la preuve ?")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(partnerPage, "claim-question-from-email");
    }

    [Fact]
    public async Task CustomerAdmin_InItalian_OptsOutThroughTheEmailedLinkOnANarrowScreen()
    {
        var t = new UiText("it");
        var api = new DemoApi(browser.App);
        var customer = await DemoCustomers.Microsoft365Async(browser.App, index: 0);
        var email = "it-admin@" + customer.Domain;
        await api.CustomerAdminAsync(customer.TenantId, email, "it");
        var claimId = await api.SubmittedClaimAsync("incentives@contoso.example", "4100002", customer, $"{customer.Name} — adozione");
        await api.ApproveAsync(claimId);
        var link = await browser.App.ConsentPathAsync(claimId, email);
        var page = await browser.NewPageAsync("it", width: 390);

        var consent = new ConsentPage(page, t);
        await consent.GotoAsync(link);
        await Expect(consent.Heading).ToBeVisibleAsync();
        await Expect(consent.About("Contoso Cloud Partners", customer.Name)).ToBeVisibleAsync();
        await Expect(page.GetByText(customer.ProductName, new() { Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "consent-it");
        await consent.OptOutAsync("Lavoriamo già con un altro partner.");

        await Expect(consent.Flash("consent.flash.optedOut")).ToBeVisibleAsync();
        await Expect(consent.Text("consent.rejected")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "consent-opted-out-it");
    }
}
