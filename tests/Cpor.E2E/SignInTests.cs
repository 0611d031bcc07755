using Cpor.E2E.Infrastructure;
using Cpor.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Cpor.E2E;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignIn_WithDemoAccountChosenOnTheStartPage_OpensCustomerAssociations()
    {
        var t = new UiText("en");
        var page = await browser.NewPageAsync("en");
        var signIn = new SignInPage(page, t);
        await signIn.GotoAsync();
        await Expect(signIn.Heading).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "sign-in");

        await signIn.UseDemoAccountAsync("incentives@northwind.example");

        var claims = new ClaimsPage(page, t);
        await Expect(claims.Heading).ToBeVisibleAsync();
        await Expect(claims.ClaimLink("Trey — Sales usage")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "claims");
    }
}
