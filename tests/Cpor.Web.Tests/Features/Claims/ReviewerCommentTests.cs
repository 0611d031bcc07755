using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Claims;

/// <summary>A reviewer's comment is a message of the thread, whatever decision carries it (CPOR.md §5 Comments).</summary>
public class ReviewerCommentTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task RequestInfo_WithAComment_PutsTheQuestionInTheThreadOnce()
    {
        var (partner, reviewer) = (await app.PartnerAsync(), await app.ReviewerAsync());
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Question"));

        await reviewer.RequestInfoAsync(claim.Id, ["DatesMissingOrOld"], "  Which month did the rollout start?  ");

        var comment = Assert.Single((await CommentsAsync(partner, claim.Id)).Items);
        Assert.Equal((ActorKind.Reviewer, "Which month did the rollout start?", (string?)null), (comment.AuthorKind, comment.Body, comment.TextKey));
        var line = (await partner.HistoryAsync(claim.Id))[^1];
        Assert.Equal(("RequestInfo", "Which month did the rollout start?"), (line.Action, line.Comment));
        Assert.DoesNotContain(await partner.HistoryAsync(claim.Id), e => e.Action == nameof(ClaimEventKind.CommentAdded));
    }

    [Fact]
    public async Task ApproveAndReject_WithAComment_PutTheCommentInTheThread()
    {
        var (partner, reviewer) = (await app.PartnerAsync(), await app.ReviewerAsync());
        var tenant = await app.NewTenantAsync("teams", "exchange-online");
        var approved = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "To approve"));
        var rejected = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "To reject", "exchange-online"));

        await reviewer.ApproveAsync(approved.Id, comment: "Well documented.");
        await reviewer.RejectAsync(rejected.Id, comment: "The PoE is about another customer.");

        Assert.Equal("Well documented.", Assert.Single((await CommentsAsync(partner, approved.Id)).Items).Body);
        Assert.Equal("The PoE is about another customer.", Assert.Single((await CommentsAsync(partner, rejected.Id)).Items).Body);
    }

    [Fact]
    public async Task ArbitrationNotice_IsStoredAsAKey_AndReadInEachReadersLanguage()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        await app.CreateSubmittedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Contoso side"));
        var second = await app.CreateSubmittedClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Fabrikam side").AsFabrikam());

        await (await app.ReviewerAsync()).StartReviewAsync(second.Id);

        var french = await app.ClientAsync(World.FabrikamIncentives, language: "fr");
        var italian = await app.ClientAsync(World.FabrikamIncentives, language: "it");
        Assert.StartsWith("Arbitrage en cours", Assert.Single((await CommentsAsync(french, second.Id)).Items).Body, StringComparison.Ordinal);
        Assert.StartsWith("Arbitrato in corso", Assert.Single((await CommentsAsync(italian, second.Id)).Items).Body, StringComparison.Ordinal);
        Assert.StartsWith("Arbitrage en cours", (await french.HistoryAsync(second.Id)).Last(e => e.Action == nameof(ClaimEventKind.CommentAdded)).Comment, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CporDb>().ClaimComments.AsNoTracking().SingleAsync(c => c.ClaimId == second.Id);
        Assert.Equal((Arbitration.NoticeKey, ""), (stored.TextKey, stored.Body));
    }

    private static async Task<Page<CommentResponse>> CommentsAsync(HttpClient client, string claimId) =>
        await ApiFixture.OkAsync<Page<CommentResponse>>(await client.GetAsync($"/api/v1/claims/{claimId}/comments"));
}
