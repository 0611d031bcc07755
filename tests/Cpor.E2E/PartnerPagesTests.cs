using Cpor.E2E.Infrastructure;
using Cpor.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Cpor.E2E;

[Collection(BrowserCollection.Name)]
public class PartnerPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task ClaimPage_WhenTheReviewerAskedForInformation_ShowsTheReasonsTheDeadlineAndTheThread()
    {
        var t = new UiText("en");
        var page = await browser.SignedInAsync("global@contoso.example", "en");
        var claims = new ClaimsPage(page, t);
        await claims.FilterByStatusAsync("PartnerActionRequired");
        await claims.ClaimLink("Alpine — Dynamics 365 Sales onboarding").ClickAsync();

        var claim = new ClaimPage(page, t);
        await Expect(claim.Status).ToContainTextAsync(t["status.PartnerActionRequired"]);
        await Expect(claim.InfoRequestReason("CustomerSignatureMissing")).ToBeVisibleAsync();
        await Expect(page.GetByText(t["deadline.PartnerActionRequired"])).ToBeVisibleAsync();
        await Expect(claim.Comment("Please add the customer's signed acknowledgement with dates.")).ToBeVisibleAsync();
        await Expect(claim.Button("claim.resubmit")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "claim-partner-action-required");

        await claim.Link("claim.edit").ClickAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = t["claimEdit.title"], Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel(t["claim.name"])).ToBeDisabledAsync();
        await Expect(page.GetByLabel(t["claim.mpnId"])).ToBeEnabledAsync();
        await Screenshots.SaveAsync(page, "claim-edit");
    }

    [Fact]
    public async Task Claims_OnANarrowScreen_StackTheListAndKeepEveryAction()
    {
        var t = new UiText("it");
        var page = await browser.SignedInAsync("incentives@fabrikam.example", "it", width: 390);
        var claims = new ClaimsPage(page, t);
        await Expect(claims.Heading).ToBeVisibleAsync();
        await Expect(claims.NewClaimLink).ToBeVisibleAsync();
        await Expect(claims.ClaimLink("Alpine — Teams rollout")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "claims-narrow-it");
    }
}
