using System.Net;
using Cpor.Web.Data;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Pages;

/// <summary>Every link of every e-mail opens a page its reader may use (CPOR.md §8).</summary>
public class NotificationLinkTests(UiFixture app) : IClassFixture<UiFixture>
{
    private static readonly string[] Languages = ["en", "fr", "it"];

    [Fact]
    public async Task EveryEmail_InEveryLanguage_LinksToThePageItsRecipientUses_AfterSignInIfNeeded()
    {
        var claims = await WalkEveryNotificationAsync();
        var mails = new List<OutboxMessage>();
        foreach (var language in Languages)
        {
            mails.AddRange(await ComposeAllAsync(claims, language));
        }

        Assert.Equal(
            Enum.GetNames<NotificationTopic>().SelectMany(t => Languages.Select(l => $"{t} {l}")).Order(),
            mails.Select(m => $"{m.Topic} {m.Language}").Distinct().Order());
        var browsers = new Dictionary<string, UiClient>();
        var signedInThrough = new HashSet<(string, string)>();
        foreach (var mail in mails)
        {
            var links = Emails.LinksOf(mail);
            Assert.True(links.Count > 0, $"{mail.Topic} to {mail.RecipientEmail} has no link");
            foreach (var path in links)
            {
                if (mail.RecipientUserId is null)
                {
                    await app.AnonymousBrowser().GetPageAsync(path, mail.Language);
                    continue;
                }

                if (!browsers.TryGetValue(mail.RecipientEmail, out var browser))
                {
                    browsers[mail.RecipientEmail] = browser = await app.BrowserAsync(mail.RecipientEmail);
                }

                var response = await browser.GetAsync(path, mail.Language);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{mail.Topic} ({mail.Language}) to {mail.RecipientEmail}: {path} answered {(int)response.StatusCode} {response.Headers.Location}");
                if (signedInThrough.Add((mail.RecipientEmail, path)))
                {
                    await AssertSignInLeadsBackAsync(mail.RecipientEmail, path);
                }
            }
        }
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlOfAnotherSite_GoesHomeInstead()
    {
        var browser = app.AnonymousBrowser();
        var start = await browser.GetPageAsync("/?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/Partner/Claims"));

        var response = await browser.PostFormAsync("/", start, new() { ["Email"] = World.ContosoIncentives, ["Password"] = World.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Someone not signed in is sent to the sign-in page, and from there back to the link (the opt-out link needs no sign-in).</summary>
    private async Task AssertSignInLeadsBackAsync(string email, string path)
    {
        var browser = app.AnonymousBrowser();
        var first = await browser.GetAsync(path);
        if (first.StatusCode == HttpStatusCode.OK && path.StartsWith("/consent/", StringComparison.Ordinal))
        {
            return; // the opt-out link's token is its credential
        }

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var signInPage = first.Headers.Location!.OriginalString;
        var form = await browser.GetPageAsync(signInPage);
        var returnUrl = form.QuerySelector("input[name='ReturnUrl']")?.GetAttribute("value") ?? "";

        var signedIn = await browser.PostFormAsync("/", form, new() { ["Email"] = email, ["Password"] = World.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(path, signedIn.Headers.Location?.OriginalString);
        await browser.GetPageAsync(path);
    }

    /// <summary>
    /// Claims whose history has every kind of e-mail: a status change with a request for
    /// information, the partner's answer, a rejection and its dispute, an approval (the
    /// customer's admins and contact), a reviewer's comment, an arbitration notice on both sides.
    /// </summary>
    private async Task<List<string>> WalkEveryNotificationAsync()
    {
        var (contoso, fabrikam, reviewer) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.ReviewerAsync());
        var walked = await app.CreateSubmittedClaimAsync(contoso, World.M365Claim("Every e-mail"));
        await reviewer.StartReviewAsync(walked.Id);
        await reviewer.RequestInfoAsync(walked.Id, ["DatesMissingOrOld"], "Which dates?");
        await ApiFixture.PostOkAsync<object>(contoso, $"/api/v1/claims/{walked.Id}/submit", new { });
        await reviewer.StartReviewAsync(walked.Id);
        await reviewer.RejectAsync(walked.Id, comment: "Not enough.");
        await ApiFixture.PostOkAsync<object>(contoso, $"/api/v1/claims/{walked.Id}/dispute", new { justification = "Page 2 has it." });
        await reviewer.ApproveAsync(walked.Id, comment: "Page 2 does.");
        await ApiFixture.PostOkAsync<object>(reviewer, $"/api/v1/claims/{walked.Id}/comments", new { body = "Thanks." });

        var theirs = await app.CreateSubmittedClaimAsync(fabrikam, World.M365Claim("Theirs", "exchange-online").AsFabrikam());
        var ours = await app.CreateSubmittedClaimAsync(contoso, World.M365Claim("Ours", "exchange-online"));
        await reviewer.StartReviewAsync(ours.Id);
        return [walked.Id, theirs.Id, ours.Id];
    }

    /// <summary>What the dispatcher would write for the claims' events, every person reading <paramref name="language"/>.</summary>
    private async Task<List<OutboxMessage>> ComposeAllAsync(List<string> claimIds, string language)
    {
        // The customer contact, who has no account, reads the tenant country's language whatever we set.
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, language)));
        return await app.ComposeAsync([.. claimIds]);
    }
}
