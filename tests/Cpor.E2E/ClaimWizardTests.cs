using Cpor.E2E.Infrastructure;
using Cpor.E2E.Pages;
using Cpor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Cpor.E2E;

[Collection(BrowserCollection.Name)]
public class ClaimWizardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Wizard_InFrench_SubmitsMicrosoft365UsageClaim()
    {
        var t = new UiText("fr");
        var customer = await DemoCustomers.Microsoft365Async(browser.App, index: 0);
        var program = await DemoCustomers.ProgramNameAsync(browser.App, "osu-m365");
        var page = await browser.SignedInAsync("incentives@contoso.example", "fr");

        var claims = new ClaimsPage(page, t);
        await Expect(claims.Heading).ToBeVisibleAsync();
        await claims.NewClaimLink.ClickAsync();

        var wizard = new NewClaimPage(page, t);
        await Expect(wizard.Heading).ToBeVisibleAsync();
        await wizard.FillNameAsync($"{customer.Name} — adoption");
        await wizard.SelectMpnAsync("4100002");
        await wizard.FillCustomerAsync(customer.Domain, customer.TenantId);
        await Expect(wizard.CustomerFound(customer.Name)).ToBeVisibleAsync();
        await wizard.ChooseSolutionAreaAsync("Microsoft365");
        await wizard.ChooseActivityAsync("Usage");
        await Expect(wizard.ActivityDescription("Microsoft365", "Usage")).ToBeVisibleAsync();
        await Expect(wizard.Enrolment(program)).ToBeVisibleAsync();
        await wizard.TickProductAsync(customer.ProductName);
        await wizard.FillContactAsync("contact.customer", "Claire Dubois", "DSI", "claire.dubois@" + customer.Domain);
        await Screenshots.SaveAsync(page, "wizard-fr");
        await wizard.ContinueAsync();

        var finish = new FinishClaimPage(page, t);
        await Expect(finish.Heading).ToBeVisibleAsync();
        await Expect(finish.TemplateLink).ToBeVisibleAsync();
        await finish.UploadAsync("preuve-execution.pdf", "application/pdf", Files.Pdf("Preuve d'execution"));
        await Expect(finish.File("preuve-execution.pdf")).ToBeVisibleAsync();
        await finish.FillCommentAsync("Déploiement terminé en octobre, accusé de réception du client joint.");
        await Screenshots.SaveAsync(page, "wizard-finish-fr");
        await finish.SubmitAsync();

        var claim = new ClaimPage(page, t);
        await Expect(claim.Heading($"{customer.Name} — adoption")).ToBeVisibleAsync();
        await Expect(claim.Status).ToContainTextAsync(t["status.Submitted"]);
        await Expect(claim.Flash("flash.submitted")).ToBeVisibleAsync();
        await Expect(claim.Comment("Déploiement terminé en octobre, accusé de réception du client joint.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "claim-fr");
    }

    [Fact]
    public async Task Wizard_InItalian_SubmitsDynamics365ClaimWithTheChosenSubscription()
    {
        var t = new UiText("it");
        var customer = await DemoCustomers.Dynamics365Async(browser.App, index: 0);
        var page = await browser.SignedInAsync("incentives@fabrikam.example", "it");

        var claims = new ClaimsPage(page, t);
        await Expect(claims.Heading).ToBeVisibleAsync();
        await claims.NewClaimLink.ClickAsync();

        var wizard = new NewClaimPage(page, t);
        await wizard.FillNameAsync($"{customer.Name} — {customer.ProductName}");
        await wizard.SelectMpnAsync("5200001");
        await wizard.FillCustomerAsync(customer.Domain, customer.TenantId);
        await Expect(wizard.CustomerFound(customer.Name)).ToBeVisibleAsync();
        await wizard.ChooseSolutionAreaAsync("BusinessApplications");
        await wizard.ChooseActivityAsync("Usage");
        await Expect(wizard.ActivityDescription("BusinessApplications", "Usage")).ToBeVisibleAsync();
        await wizard.TickProductAsync(customer.ProductName);
        await wizard.SubscriptionPicker.SelectOptionAsync(customer.SubscriptionId!);
        await wizard.FillContactAsync("contact.customer", "Marco Bianchi", "CIO", "marco.bianchi@" + customer.Domain);
        await wizard.FillContactAsync("contact.technical", "Sara Conti", "Architetto", "sara.conti@" + customer.Domain);
        await Screenshots.SaveAsync(page, "wizard-it");
        await wizard.ContinueAsync();

        var finish = new FinishClaimPage(page, t);
        await Expect(finish.Heading).ToBeVisibleAsync();
        await finish.UploadAsync("prova-esecuzione.pdf", "application/pdf", Files.Pdf("Prova di esecuzione"));
        await Expect(finish.File("prova-esecuzione.pdf")).ToBeVisibleAsync();
        await finish.SubmitAsync();

        var claim = new ClaimPage(page, t);
        await Expect(claim.Status).ToContainTextAsync(t["status.Submitted"]);
        await Expect(page.GetByText(customer.SubscriptionId!, new() { Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "claim-it");
    }

    [Fact]
    public async Task DropZone_AfterARefusedFile_ASuccessfulUploadClearsTheRefusal()
    {
        var t = new UiText("en");
        var customer = await DemoCustomers.Microsoft365Async(browser.App, index: 0);
        var claimId = await new DemoApi(browser.App).DraftClaimAsync("incentives@contoso.example", "4100002", customer, "Drop zone after a refusal");
        var page = await browser.SignedInAsync("incentives@contoso.example", "en");
        await page.GotoAsync($"/Partner/Claims/{claimId}/Finish");
        var finish = new FinishClaimPage(page, t);
        await finish.UploadAsync("tool.pdf", "application/pdf", Files.Executable());
        await Expect(finish.UploadFailures).ToHaveCountAsync(1);

        await finish.UploadAsync("proof.pdf", "application/pdf", Files.Pdf("Proof of execution"));

        await Expect(finish.File("proof.pdf")).ToBeVisibleAsync();
        await Expect(finish.UploadFailures).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wizard_WithoutTheRequiredFields_ShowsTheHandlersErrorsNextToTheirFieldsInFrench()
    {
        var t = new UiText("fr");
        var page = await browser.SignedInAsync("incentives@contoso.example", "fr");
        await page.GotoAsync("/Partner/Claims/New");
        var wizard = new NewClaimPage(page, t);
        await wizard.FillCustomerAsync("inconnu.example", "00000000-0000-4000-8000-000000000000");

        await wizard.ContinueAsync();

        await Expect(wizard.ErrorSummary).ToBeVisibleAsync();
        await Expect(page.GetByLabel(t["claim.name"])).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel(t["claim.tenantId"])).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("00000000-0000-4000-8000-000000000000"));
        await Screenshots.SaveAsync(page, "wizard-errors-fr");
    }
}
