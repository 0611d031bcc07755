using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Cpor.Domain;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

/// <summary>
/// Every page of the UI, rendered in English, French and Italian: none may ask for a text that
/// UiText.resx lacks, and a French or Italian page may show no English UI or error text.
/// </summary>
public class LocalizationTests(LocalizationFixture app) : IClassFixture<LocalizationFixture>
{
    private static readonly ResourceManager UiText = new("Cpor.Web.Resources.UiText", typeof(Program).Assembly);
    private static readonly ResourceManager ErrorText = new("Cpor.Web.Resources.ErrorMessages", typeof(Program).Assembly);
    private static readonly HashSet<string> NotText = ["script", "style", "code", "pre"];

    [Fact]
    public void UiText_HasEveryKeyInEnglishFrenchAndItalian()
    {
        var english = Strings(UiText, CultureInfo.InvariantCulture);
        foreach (var language in new[] { "fr", "it" })
        {
            var translated = Strings(UiText, CultureInfo.GetCultureInfo(language));
            Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"{language}: {k}"));
            Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{language}: {t.Key}"));
            // A translation must keep the arguments of the English sentence.
            Assert.Empty(english.Where(e => Arguments(e.Value) != Arguments(translated[e.Key])).Select(e => $"{language}: {e.Key}"));
        }
    }

    /// <summary>Where the right French or Italian text is the English one: names, codes, words both languages share.</summary>
    private static readonly HashSet<string> SameAsEnglish =
    [
        "fr:admin.title", "fr:calendar.actions", "fr:calendar.date", "fr:claims.pages", "fr:form.section.contacts", "fr:import.code",
        "fr:nav.organisation", "fr:partners.list", "fr:status.Active", "fr:subscriptionState.Active", "fr:users.organisation",
        "it:actor.Partner", "it:common.no", "it:nav.home", "it:signIn.password", "it:users.password",
        "fr:associations.state.Active", "fr:sla.total", "it:associations.partner",
        "fr:review.arbitration.associations", "fr:customerClaims.associations",
        "it:actor.Partner", "it:common.no", "it:nav.home", "it:signIn.password", "it:users.password", "it:review.partner", "it:import.file", "it:unit.bytes.one",
        "*:area.Microsoft365", "*:channel.CSP", "*:contact.email", "*:language.en", "*:language.fr", "*:language.it", "*:layout.product",
    ];

    [Theory]
    [InlineData("fr")]
    [InlineData("it")]
    public void UiText_EachTranslationDiffersFromEnglish_UnlessTheSameTextIsRight(string language)
    {
        var english = Strings(UiText, CultureInfo.InvariantCulture);
        var translated = Strings(UiText, CultureInfo.GetCultureInfo(language));

        var copied = english
            .Where(e => translated.GetValueOrDefault(e.Key) == e.Value && Regex.IsMatch(Regex.Replace(e.Value, @"\{\d+\}", ""), @"\p{L}{3}"))
            .Select(e => e.Key)
            .Where(key => !SameAsEnglish.Contains($"{language}:{key}") && !SameAsEnglish.Contains("*:" + key))
            .ToList();

        Assert.Empty(copied);
    }

    [Fact]
    public void DisplayNames_ExistForEveryStatusReasonRoleActivityAndHistoryEntry()
    {
        var english = Strings(UiText, CultureInfo.InvariantCulture);
        var keys = Enum.GetNames<ClaimStatus>().Select(v => "status." + v)
            .Concat(Enum.GetNames<SolutionArea>().Select(v => "area." + v))
            .Concat(Enum.GetNames<Activity>().Select(v => "activity." + v))
            .Concat(Enum.GetNames<ActorKind>().Select(v => "actor." + v))
            .Concat(Enum.GetNames<InfoRequestReason>().Select(v => "reason.info." + v))
            .Concat(Enum.GetNames<RejectionReason>().Select(v => "reason.rejection." + v))
            .Concat(Enum.GetNames<EndReason>().Select(v => "reason.end." + v))
            .Concat(Enum.GetNames<SubscriptionChannel>().Select(v => "channel." + v))
            .Concat(Enum.GetNames<SubscriptionState>().Select(v => "subscriptionState." + v))
            .Concat(Enum.GetNames<ClaimAction>().Select(v => "action." + v))
            .Concat(Enum.GetNames<ClaimEventKind>().Select(v => "event." + v))
            .Concat(Roles.All.Select(v => "role." + v))
            .Concat(Languages.Supported.Select(v => "language." + v))
            .Concat(Enum.GetValues<SolutionArea>().SelectMany(area => Enum.GetValues<Activity>().Where(a => ActivityRules.IsOffered(area, a))
                .Select(a => $"activity.{area}.{a}.description")));
        var missing = keys.Where(k => !english.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("it")]
    public async Task EveryPage_InTheLanguage_AsksForNoMissingTextAndShowsNoEnglishLeftOver(string language)
    {
        var leftovers = new List<string>();
        var english = EnglishOnly(language);
        // People's names are data, whatever language they look like ("Program admin" is the bootstrap admin's).
        var names = await app.WithDbAsync(db => Task.FromResult(db.Users.Select(u => u.DisplayName).ToHashSet()));
        foreach (var (path, page) in await RenderEveryPageAsync(language))
        {
            Assert.True(language == page.DocumentElement.GetAttribute("lang"), $"{path} is not in {language}");
            leftovers.AddRange(TextsOf(page).Where(text => !names.Contains(text) && english.Any(e => e.IsMatch(text))).Select(text => $"{path}: \"{text}\""));
        }

        Assert.Empty(app.MissingTexts.Keys.Select(key => "missing from UiText: " + key).Concat(leftovers));
    }

    /// <summary>Every page built in this phase, as the role that uses it sees it; some after a refused form.</summary>
    private async Task<List<(string Path, IDocument Page)>> RenderEveryPageAsync(string language)
    {
        var pages = new List<(string, IDocument)>();
        async Task Get(UiClient browser, string path, HttpStatusCode status = HttpStatusCode.OK)
        {
            var response = await browser.GetAsync(path, language);
            Assert.True(status == response.StatusCode, $"GET {path} answered {(int)response.StatusCode}");
            pages.Add((path, await UiClient.ParseAsync(response)));
        }

        var anonymous = app.AnonymousBrowser();
        await Get(anonymous, "/");
        await Get(anonymous, "/Account/AccessDenied", HttpStatusCode.Forbidden);
        foreach (var code in new[] { 400, 403, 404, 405, 413 })
        {
            await Get(anonymous, $"/Status?code={code}", (HttpStatusCode)code);
        }

        var partner = await app.BrowserAsync(World.ContosoIncentives);
        await Get(partner, "/Partner/Claims");
        await Get(partner, "/Partner/Claims?status=Ended&overdue=true");
        await Get(partner, "/Partner/Claims/New");
        await Get(partner, $"/Partner/Claims/{app.DraftId}");
        await Get(partner, $"/Partner/Claims/{app.DraftId}/Finish");
        await Get(partner, $"/Partner/Claims/{app.DraftId}/Edit");
        await Get(partner, $"/Partner/Claims/{app.SubmittedId}");
        await Get(partner, $"/Partner/Claims/{app.SubmittedId}/Edit");
        await Get(partner, $"/Partner/Claims/{app.InfoRequestedId}");
        await Get(partner, $"/Partner/Claims/{app.RejectedId}");
        await Get(partner, $"/Partner/Claims/{app.ActiveId}");
        await Get(partner, "/Partner/Claims/clm_unknown", HttpStatusCode.NotFound);
        var form = pages.Single(p => p.Item1 == "/Partner/Claims/New").Item2;
        var refused = await partner.PostFormAsync("/Partner/Claims/New", form, new() { ["Form.TenantId"] = "not-a-guid", ["Form.Products"] = "dynamics-365-sales" }, language);
        pages.Add(("POST /Partner/Claims/New", await UiClient.ParseAsync(refused)));
        var checkedCustomer = await partner.PostFormAsync("/Partner/Claims/New?handler=Check", form, new() { ["Form.TenantId"] = World.Tenant.ToString(), ["Form.CustomerDomain"] = World.Domain }, language);
        pages.Add(("POST /Partner/Claims/New?handler=Check", await UiClient.ParseAsync(checkedCustomer)));

        var association = $"/Associations/{app.ActiveAssociationId}";
        await Get(partner, "/Associations");
        await Get(partner, "/Associations?state=Ended&programId=osu-m365");
        await Get(partner, "/Associations?tenantId=not-a-guid", HttpStatusCode.UnprocessableEntity);
        await Get(partner, association);
        await Get(partner, association + "?from=2026-09&to=2026-01", HttpStatusCode.UnprocessableEntity);
        await Get(partner, "/Associations/asc_unknown", HttpStatusCode.NotFound);
        await Get(partner, "/Associations/Earnings");

        var globalAdmin = await app.BrowserAsync(World.ContosoGlobal);
        await Get(globalAdmin, "/Admin");
        await Get(globalAdmin, $"/Admin/Partners/{app.ContosoId}");
        await Get(globalAdmin, "/Admin/Users");

        var programAdmin = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        await Get(programAdmin, "/Admin");
        await Get(programAdmin, "/Admin/Partners");
        await Get(programAdmin, $"/Admin/Partners/{app.FabrikamId}");
        await Get(programAdmin, "/Admin/Users");
        await Get(programAdmin, "/Admin/Directory");
        await Get(programAdmin, "/Admin/Calendar");
        await Get(programAdmin, "/Admin/Mailbox");
        var directory = pages.Last(p => p.Item1 == "/Admin/Directory").Item2;
        var import = await programAdmin.PostFilesAsync("/Admin/Directory", directory, "files", [("tenants.ndjson", Encoding.UTF8.GetBytes("{\"type\":\"tenant\",\"tenantId\":\"bad\"}"))], fromScript: false, language);
        pages.Add(("POST /Admin/Directory", await UiClient.ParseAsync(import)));

        var reviewer = await app.BrowserAsync(World.Reviewer);
        await Get(reviewer, "/Associations");
        await Get(reviewer, association);
        await Get(reviewer, "/Associations/Earnings");
        await Get(reviewer, "/Review/Sla");
        await Get(reviewer, "/Review/Sla?from=yesterday", HttpStatusCode.UnprocessableEntity);
        await Get(reviewer, "/Review");
        await Get(reviewer, "/Review?status=any&overdue=true&competing=true");
        await Get(reviewer, $"/Review/Claims/{app.SubmittedId}");
        await Get(reviewer, $"/Review/Claims/{app.InfoRequestedId}");
        await Get(reviewer, $"/Review/Claims/{app.RejectedId}");
        await Get(reviewer, $"/Review/Claims/{app.ActiveId}");
        await Get(reviewer, $"/Review/Claims/{app.DisputedId}");
        await Get(reviewer, $"/Review/Claims/{app.ChallengerId}");
        await Get(reviewer, $"/Review/Claims/{app.ChallengerId}/Arbitration");
        await Get(reviewer, "/Review/Claims/clm_unknown", HttpStatusCode.NotFound);
        var review = pages.Last(p => p.Item1 == $"/Review/Claims/{app.ChallengerId}").Item2;
        var version = review.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var supersede = await reviewer.PostFormAsync($"/Review/Claims/{app.ChallengerId}?handler=Approve", review, new() { ["Version"] = version }, language);
        Assert.Equal(HttpStatusCode.Conflict, supersede.StatusCode);
        pages.Add(("POST approve (supersede confirmation)", await UiClient.ParseAsync(supersede)));
        var noReason = await reviewer.PostFormAsync($"/Review/Claims/{app.ChallengerId}?handler=RequestInfo", review, new() { ["Version"] = version }, language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        pages.Add(("POST request-info without a reason", await UiClient.ParseAsync(noReason)));

        var customer = await app.BrowserAsync(World.CustomerAdmin);
        await Get(customer, "/Customer");
        await Get(customer, "/Customer?status=Active");
        await Get(customer, $"/Customer/Claims/{app.ApprovedId}");
        await Get(customer, $"/Customer/Claims/{app.ActiveId}");
        await Get(customer, $"/Customer/Claims/{app.ActiveId}?confirm=end");
        await Get(customer, $"/Customer/Claims/{app.SubmittedId}");
        await Get(customer, $"/Customer/Claims/{app.RejectedId}");
        await Get(customer, $"/Customer/Claims/{app.DraftId}", HttpStatusCode.NotFound);
        var otherCustomer = await app.BrowserAsync(World.OtherCustomerAdmin);
        await Get(otherCustomer, $"/Customer/Claims/{app.WindowClosedId}");
        await Get(otherCustomer, $"/Customer/Claims/{app.DisputedId}");
        var closed = pages.Last(p => p.Item1 == $"/Customer/Claims/{app.ApprovedId}").Item2;
        var tooLong = await customer.PostFormAsync(
            $"/Customer/Claims/{app.ApprovedId}?handler=OptOut", closed,
            new() { ["Version"] = closed.QuerySelector("input[name=Version]")!.GetAttribute("value")!, ["Comment"] = new string('x', 4001) }, language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        pages.Add(("POST opt-out with a too long comment", await UiClient.ParseAsync(tooLong)));

        await Get(anonymous, app.ConsentPath);
        await Get(anonymous, app.ExpiredConsentPath, HttpStatusCode.Conflict);
        await Get(anonymous, "/consent/not-a-token", HttpStatusCode.NotFound);
        return pages;
    }

    /// <summary>What a person reads on the page: its text, and the labels and hints held in attributes.</summary>
    private static IEnumerable<string> TextsOf(IDocument page)
    {
        var texts = page.All
            .Where(e => !NotText.Contains(e.LocalName) && e.Closest("code, pre") is null)
            .SelectMany(e => e.ChildNodes.OfType<IText>().Select(t => t.Data)
                .Concat(e.Attributes.Where(a => a.Name is "placeholder" or "aria-label" or "title" or "alt" || (a.Name.StartsWith("data-", StringComparison.Ordinal) && a.Value.Contains(' '))).Select(a => a.Value)));
        return texts.Select(t => Regex.Replace(t, @"\s+", " ").Trim()).Where(t => t.Any(char.IsLetter)).Distinct();
    }

    /// <summary>The English UI and error texts that <paramref name="language"/> translates differently, as patterns ({0} matches anything).</summary>
    private static List<Regex> EnglishOnly(string language)
    {
        if (language == "en")
        {
            return [];
        }

        var culture = CultureInfo.GetCultureInfo(language);
        return [.. new[] { UiText, ErrorText }
            .SelectMany(resources =>
            {
                var translated = Strings(resources, culture);
                return Strings(resources, CultureInfo.InvariantCulture).Where(e => translated.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Value);
            })
            .Distinct()
            // A pattern of punctuation around arguments ("{0}: {1}") says nothing about the language.
            .Where(value => Regex.IsMatch(Regex.Replace(value, @"\{\d+\}", ""), @"\p{L}{3}"))
            .Select(value => new Regex("^" + Regex.Replace(Regex.Escape(value.Trim()), @"\\\{\d+\}", ".+") + "$", RegexOptions.Singleline))];
    }

    private static Dictionary<string, string> Strings(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static string Arguments(string text) => string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order());
}
