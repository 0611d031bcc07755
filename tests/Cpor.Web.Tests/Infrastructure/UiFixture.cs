using System.Collections.Concurrent;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>
/// The standard world for the web UI's tests: signs in browsers through the sign-in page, moves
/// claims through the review steps directly (the review pages come later), and records every UI
/// text a page asked for that UiText.resx does not have.
/// </summary>
public class UiFixture : ApiFixture
{
    /// <summary>The UiText keys looked up and not found since the fixture started.</summary>
    public ConcurrentDictionary<string, string> MissingTexts { get; } = new();

    public Task<UiClient> BrowserAsync(string email, string password = World.Password) => UiClient.SignInAsync(this, email, password);

    public UiClient AnonymousBrowser() => UiClient.Anonymous(this);

    /// <summary>Moves a claim as a reviewer (or the clock) would, straight through the domain.</summary>
    public async Task ReviewAsync(string claimId, Func<Claim, TransitionContext, DomainError?> step, string? comment = null, DateTimeOffset? at = null)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var claim = await ClaimCommands.LoadAsync(db.Claims, claimId, CancellationToken.None) ?? throw new InvalidOperationException(claimId);
        var ctx = new TransitionContext(new Actor(ActorKind.Reviewer, null, "Rita Reviewer"), at ?? Clock.Now, BusinessCalendar.WeekendsOnly, new ClaimTimings());
        Assert.Null(step(claim, ctx));
        if (comment is not null)
        {
            db.ClaimComments.Add(claim.AddComment(comment, ctx));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A submitted claim that the reviewer rejected (disputable).</summary>
    public async Task<ClaimResponse> CreateRejectedClaimAsync(HttpClient partner, object body)
    {
        var claim = await CreateSubmittedClaimAsync(partner, body);
        await ReviewAsync(claim.Id, (c, ctx) => c.StartReview(ctx));
        await ReviewAsync(claim.Id, (c, ctx) => c.Reject(RejectionReason.InsufficientPoe, "Not enough proof.", ctx));
        return claim;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStringLocalizer<UiText>>(sp =>
            new RecordingLocalizer(new StringLocalizer<UiText>(sp.GetRequiredService<IStringLocalizerFactory>()), MissingTexts)));
    }

    /// <summary>The UI's localizer, noting each key it does not find.</summary>
    private sealed class RecordingLocalizer(IStringLocalizer<UiText> inner, ConcurrentDictionary<string, string> missing) : IStringLocalizer<UiText>
    {
        public LocalizedString this[string name] => Note(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Note(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Note(LocalizedString text)
        {
            if (text.ResourceNotFound)
            {
                missing[text.Name] = text.SearchedLocation ?? "";
            }

            return text;
        }
    }
}
