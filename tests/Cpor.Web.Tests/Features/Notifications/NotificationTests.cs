using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Consent;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Notifications;

public partial class NotificationTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [Fact]
    public async Task Approval_SendsEveryEmailOnce_InEachRecipientsLanguage_AndTheOptOutLinkWorks()
    {
        var tenant = await app.NewTenantAsync();
        var french = await PartnerUserAsync("fr");
        await app.CustomerAdminAsync(tenant.Id, $"it@{tenant.Domain}", "it");
        await app.CustomerAdminAsync(tenant.Id, $"en@{tenant.Domain}", "en");
        await app.DispatchAsync(); // whatever earlier tests left
        var before = app.Sink.Received.Count;
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Teams rollout"));

        var report = await app.DispatchAsync();
        var again = await app.DispatchAsync();

        var mails = app.Sink.Received.Skip(before).ToList();
        Assert.Equal(report.Sent, mails.Count);
        Assert.Equal(0, again.Sent);
        Assert.Equal(mails.Count, app.Sink.Received.Count - before);
        Assert.Equal(mails.Count, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(mails.Count, mails.Select(m => (m.To, m.Subject)).Distinct().Count());

        var approvedForFrench = Assert.Single(mails, m => m.To == french && m.Subject.EndsWith("Approuvée", StringComparison.Ordinal));
        Assert.Equal(("[CPOR] Teams rollout : Approuvée", "fr"), (approvedForFrench.Subject, approvedForFrench.Headers["Content-Language"]));
        Assert.StartsWith("Bonjour ", approvedForFrench.Body, StringComparison.Ordinal);
        Assert.Contains("Le client a été informé et peut s’y opposer jusqu’au " + approved.ConsentEndsAt!.Value.ToString("f", CultureInfo.GetCultureInfo("fr")), approvedForFrench.Body, StringComparison.Ordinal);
        Assert.Contains("https://cpor.test/Partner/Claims/" + approved.Id, approvedForFrench.Body, StringComparison.Ordinal);

        var italian = Assert.Single(mails, m => m.To == $"it@{tenant.Domain}");
        Assert.Equal("[CPOR] Contoso è stato approvato come partner di riferimento sul vostro tenant", italian.Subject);
        Assert.StartsWith("Buongiorno ", italian.Body, StringComparison.Ordinal);
        Assert.Contains("Microsoft Teams", italian.Body, StringComparison.Ordinal);
        Assert.Contains("opponetevi entro " + approved.ConsentEndsAt.Value.ToString("f", CultureInfo.GetCultureInfo("it")), italian.Body, StringComparison.Ordinal);
        var english = Assert.Single(mails, m => m.To == $"en@{tenant.Domain}");
        Assert.Contains("If you do not agree, opt out before", english.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => m.To == World.CustomerAdmin); // another tenant's admin

        var token = OptOutLink().Match(italian.Body).Groups[1].Value;
        Assert.Contains($"<a href=\"https://cpor.test/consent/{token}\">", italian.Html, StringComparison.Ordinal);
        Assert.StartsWith("<p>Buongiorno ", italian.Html[italian.Html.IndexOf("<p>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var anonymous = app.CreateClient();
        var info = await ApiFixture.OkAsync<ConsentLinkResponse>(await anonymous.GetAsync($"/api/v1/consent/{token}"));
        Assert.Equal(("Contoso", "Teams rollout", approved.ConsentEndsAt, true), (info.PartnerName, info.ClaimName, (DateTimeOffset?)info.ConsentEndsAt, info.CanOptOut));
        Assert.Equal("Microsoft Teams", Assert.Single(info.Products).ProductName);

        var optedOut = await ApiFixture.OkAsync<CustomerClaimResponse>(await anonymous.PostAsync($"/api/v1/consent/{token}/opt-out", new { }));

        Assert.Equal((ClaimStatus.Rejected, "CustomerDenied"), (optedOut.Status, optedOut.StatusReason));
        var line = (await (await app.PartnerAsync()).HistoryAsync(approved.Id))[^1];
        Assert.Equal(("OptOut", ActorKind.Customer, $"Admin it@{tenant.Domain}"), (line.Action, line.Actor.Kind, line.Actor.Name));
        await Problem.AssertAsync(await anonymous.PostAsync($"/api/v1/consent/{token}/opt-out", new { }), HttpStatusCode.Conflict, ErrorCodes.InvalidTransition);
    }

    [Fact]
    public async Task Approval_OnATenantWithoutCustomerAdmins_ReachesTheCustomerContact_InTheCountrysLanguage()
    {
        var id = Guid.NewGuid();
        var domain = $"c{id:N}"[..13] + ".test";
        await app.ImportAsync(System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "tenant", tenantId = id, name = "Ristorante " + domain, country = "IT", domains = new[] { domain }, workloads = new[] { "teams" },
        }));
        var claim = ReviewSteps.M365ClaimOn(new TestTenant(id, domain, "Ristorante"), "Teams per il ristorante");
        claim["customerContact"] = new { name = "Lucia Bianchi", title = "CEO", email = $"lucia@{domain}" };
        await app.DispatchAsync();
        var before = app.Sink.Received.Count;
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), claim);

        await app.DispatchAsync();

        var mail = Assert.Single(app.Sink.Received.Skip(before), m => m.To == $"lucia@{domain}");
        Assert.Equal("it", mail.Headers["Content-Language"]);
        Assert.StartsWith("Buongiorno Lucia Bianchi", mail.Body, StringComparison.Ordinal);
        var token = OptOutLink().Match(mail.Body).Groups[1].Value;
        var optedOut = await ApiFixture.OkAsync<CustomerClaimResponse>(await app.CreateClient().PostAsync($"/api/v1/consent/{token}/opt-out", new { }));
        Assert.Equal(ClaimStatus.Rejected, optedOut.Status);
        var line = (await (await app.PartnerAsync()).HistoryAsync(approved.Id))[^1];
        Assert.Equal(("OptOut", ActorKind.Customer, "Lucia Bianchi"), (line.Action, line.Actor.Kind, line.Actor.Name));
    }

    [Fact]
    public async Task Retention_DeletesDeliveredEmailsOnlyOnceTheyAreOlderThanThePeriod()
    {
        var tenant = await app.NewTenantAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Retention"));
        await app.DispatchAsync();
        Task<int> MessagesAsync() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ClaimId == approved.Id));
        var delivered = await MessagesAsync();
        Assert.True(delivered > 0);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Cpor.Web.Data.CporDb>();
        await Cpor.Web.Features.Notifications.OutboxRetention.PurgeAsync(db, app.Clock.Now.AddDays(179), 180, CancellationToken.None);
        Assert.Equal(delivered, await MessagesAsync());

        await Cpor.Web.Features.Notifications.OutboxRetention.PurgeAsync(db, app.Clock.Now.AddDays(181), 180, CancellationToken.None);
        Assert.Equal(0, await MessagesAsync());
        Assert.False(await app.WithDbAsync(d => d.OutboxEvents.AnyAsync(e => e.ClaimId == approved.Id && e.ProcessedAt != null)));
        Assert.True(await app.WithDbAsync(d => d.ClaimEvents.AnyAsync(e => e.ClaimId == approved.Id)), "the history stays");
    }

    [Fact]
    public async Task OptOutLink_Tampered_IsConsentLinkInvalid_AndAfterTheWindow_IsConsentWindowClosed()
    {
        var tenant = await app.NewTenantAsync();
        await app.CustomerAdminAsync(tenant.Id, $"admin@{tenant.Domain}");
        await app.DispatchAsync();
        var before = app.Sink.Received.Count;
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Link checks"));
        await app.DispatchAsync();
        var token = OptOutLink().Match(app.Sink.Received.Skip(before).Single(m => m.To == $"admin@{tenant.Domain}").Body).Groups[1].Value;
        var anonymous = app.CreateClient();

        var tampered = await anonymous.PostAsync($"/api/v1/consent/{token[..^4]}AAAA/opt-out", new { });
        var garbage = await anonymous.GetAsync("/api/v1/consent/not-a-token");
        app.Clock.Set(approved.ConsentEndsAt!.Value.AddSeconds(1));
        var late = await anonymous.PostAsync($"/api/v1/consent/{token}/opt-out", new { });

        await Problem.AssertAsync(tampered, HttpStatusCode.NotFound, ErrorCodes.ConsentLinkInvalid);
        await Problem.AssertAsync(garbage, HttpStatusCode.NotFound, ErrorCodes.ConsentLinkInvalid);
        await Problem.AssertAsync(late, HttpStatusCode.Conflict, ErrorCodes.ConsentWindowClosed);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(await app.ReviewerAsync(), approved.Id)).Status);
    }

    [Fact]
    public async Task TransientSmtpFailure_IsRetriedAfterTheBackoff_AndDeliveredOnce()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Retry"));
        await app.DispatchAsync();
        var before = app.Sink.Received.Count;
        await ApiFixture.PostOkAsync<CommentResponse>(await app.ReviewerAsync(), $"/api/v1/claims/{claim.Id}/comments", new { body = "Which department signed the PoE?" });
        app.Sink.Refuse(1, "451 4.3.0 try again later");

        var first = await app.DispatchAsync();
        var tooSoon = await app.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var afterBackoff = await app.DispatchAsync();

        Assert.Equal((1, 0, 1), (first.Retrying, tooSoon.Sent + tooSoon.Retrying, afterBackoff.Sent));
        var mails = app.Sink.Received.Skip(before).ToList();
        Assert.Equal(first.Sent + 1, mails.Count);
        Assert.Equal(mails.Count, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.All(mails, m => Assert.Contains("Which department signed the PoE?", m.Body, StringComparison.Ordinal));
        var rows = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ClaimId == claim.Id && m.Topic == "ReviewerComment").ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.Single(rows, r => r.Attempts == 2);
    }

    [Fact]
    public async Task PermanentSmtpRefusal_SetsTheEmailAside_WithoutRetrying()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Refused"));
        await app.DispatchAsync();
        await ApiFixture.PostOkAsync<CommentResponse>(await app.ReviewerAsync(), $"/api/v1/claims/{claim.Id}/comments", new { body = "Permanent" });
        app.Sink.Refuse(1, "550 5.1.1 no such mailbox");

        var report = await app.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var later = await app.DispatchAsync();

        Assert.Equal((1, 0), (report.GaveUp, later.Sent + later.Retrying + later.GaveUp));
        var failed = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ClaimId == claim.Id && m.FailedAt != null));
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.SentAt);
    }

    [Fact]
    public async Task Rejection_TellsThePartnerTheReasonAndHowToDispute_AndTheDisputeAndTheAnswerReachTheReviewer()
    {
        var partner = await app.PartnerAsync();
        var reviewer = await app.ReviewerAsync();
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Rejected then disputed"));
        await reviewer.RequestInfoAsync(claim.Id, ["CustomerSignatureMissing"], "Please have it signed.");
        await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/submit", new { });
        await reviewer.StartReviewAsync(claim.Id);
        var rejected = await reviewer.RejectAsync(claim.Id, "InsufficientPoe", "Still unsigned.");
        await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/dispute", new { justification = "Signed copy attached." });
        await app.DispatchAsync();

        var mails = app.Sink.Received.Where(m => m.Headers["X-Cpor-Claim-Id"] == claim.Id).ToList();

        var rejection = Assert.Single(mails, m => m.To == World.ContosoIncentives && m.Subject == "[CPOR] Rejected then disputed: Rejected");
        Assert.Contains("Reason: the proof of execution is insufficient", rejection.Body, StringComparison.Ordinal);
        Assert.Contains("Comment: Still unsigned.", rejection.Body, StringComparison.Ordinal);
        Assert.Contains($"You may dispute this rejection once, until {rejected.DisputeWindowEndsAt!.Value.ToString("f", CultureInfo.GetCultureInfo("en"))}", rejection.Body, StringComparison.Ordinal);
        Assert.Contains($"POST /api/v1/claims/{claim.Id}/dispute", rejection.Body, StringComparison.Ordinal);
        var asked = Assert.Single(mails, m => m.To == World.ContosoIncentives && m.Subject.EndsWith("Partner action required", StringComparison.Ordinal));
        Assert.Contains("customer signature or acknowledgement missing", asked.Body, StringComparison.Ordinal);
        var toReviewer = mails.Where(m => m.To == World.Reviewer).Select(m => m.Headers["X-Cpor-Topic"]).Order().ToList();
        Assert.Equal(["DisputeReceived", "PartnerAnswered"], toReviewer);
        Assert.Contains("Justification: Signed copy attached.", mails.Single(m => m.To == World.Reviewer && m.Headers["X-Cpor-Topic"] == "DisputeReceived").Body, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => m.To == World.FabrikamIncentives);
    }

    [Fact]
    public async Task SecondOptOut_AfterAWonDispute_IsFinal_TheDisputeIsNotAllowed_AndTheNoticeSaysSo()
    {
        var tenant = await app.NewTenantAsync();
        var customer = await app.CustomerAdminAsync(tenant.Id, $"admin@{tenant.Domain}");
        var partner = await app.PartnerAsync();
        var reviewer = await app.ReviewerAsync();
        var claim = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Opted out twice"));
        await ApiFixture.OkAsync<CustomerClaimResponse>(await customer.PostAsync($"/api/v1/customer/claims/{claim.Id}/opt-out", new { }));
        await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/dispute", new { justification = "The wrong person opted out." });
        await reviewer.StartReviewAsync(claim.Id);
        await reviewer.ApproveAsync(claim.Id);
        await app.DispatchAsync();
        var before = app.Sink.Received.Count;

        var secondOptOut = await ApiFixture.OkAsync<CustomerClaimResponse>(await customer.PostAsync($"/api/v1/customer/claims/{claim.Id}/opt-out", new { comment = "Still no." }));
        await app.DispatchAsync();
        var dispute = await partner.PostAsync($"/api/v1/claims/{claim.Id}/dispute", new { justification = "Again." });

        Assert.Equal((ClaimStatus.Rejected, "CustomerDenied"), (secondOptOut.Status, secondOptOut.StatusReason));
        await Problem.AssertAsync(dispute, HttpStatusCode.Conflict, ErrorCodes.DisputeNotAllowed);
        var notice = Assert.Single(app.Sink.Received.Skip(before), m => m.To == World.ContosoIncentives && m.Subject == "[CPOR] Opted out twice: Rejected");
        Assert.DoesNotContain("dispute", notice.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("This rejection is final.", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedTransition_WritesNothingToTheOutbox()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Nothing to tell"));
        var before = await app.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.ClaimId == draft.Id));

        var refused = await (await app.ReviewerAsync()).PostAsync($"/api/v1/claims/{draft.Id}/review/approve", new { });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0, before);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.ClaimId == draft.Id)));
    }

    private async Task<string> PartnerUserAsync(string language)
    {
        var email = $"{language}-{Guid.NewGuid():N}"[..12] + "@contoso.test";
        await ApiFixture.PostOkAsync<UserResponse>(await app.AdminAsync(), "/api/v1/admin/users", new
        {
            email, password = World.Password, roles = new[] { "IncentivesUser" }, partnerOrgId = app.ContosoId, language, timeZone = "UTC",
        });
        return email;
    }

    [GeneratedRegex(@"https://cpor\.test/consent/([A-Za-z0-9_-]+)")]
    private static partial Regex OptOutLink();
}
