using System.Text;
using System.Text.Json;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Associations;

/// <summary>
/// Drives claims to Approved, Active, Ended or Cancelled through the claim aggregate and CporDb,
/// one saved step at a time as the reviewers and the clock would (their endpoints are built
/// elsewhere), and imports usage facts through the directory API.
/// </summary>
internal static class Officials
{
    private static readonly Actor Partner = new(ActorKind.Partner, "test-partner", "Test Partner");
    private static readonly Actor Reviewer = new(ActorKind.Reviewer, "test-reviewer", "Test Reviewer");

    public static ClaimInput Workload(string mpnId, Guid tenantId, string domain, string workload, string name) => new(
        name, null, mpnId, tenantId.ToString(), domain, "Microsoft365", "Usage",
        [new ProductInput(workload, null)],
        new ContactInput("Ann Lee", "CIO", "ann@customer.test"),
        null,
        new ContactInput("Pat Partner", null, "pat@partner.test"),
        null);

    public static ClaimInput Subscription(string mpnId, Guid tenantId, string domain, string productId, Guid subscriptionId, string name, string activity = "Usage") => new(
        name, null, mpnId, tenantId.ToString(), domain, "BusinessApplications", activity,
        [new ProductInput(productId, subscriptionId.ToString())],
        new ContactInput("Ann Lee", "CIO", "ann@customer.test"),
        new ContactInput("Tom Tech", "Architect", "tom@customer.test"),
        new ContactInput("Pat Partner", null, "pat@partner.test"),
        activity == "RevenueAssociation" ? new RevenueAssociationInput("Seller", "Customer Ltd", "ISV app") : null);

    /// <summary>Files, submits, reviews and approves a claim; returns its id.</summary>
    public static async Task<string> ApproveAsync(CporAppFactory app, string partnerOrgId, ClaimInput input, DateTimeOffset approvedAt)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var snapshot = await scope.ServiceProvider.GetRequiredService<ClaimDirectory>().LoadAsync(input, partnerOrgId, CancellationToken.None);
        var validation = ClaimValidator.Validate(input, snapshot);
        Assert.True(validation.IsValid, string.Join(", ", validation.Errors));
        var filed = approvedAt.AddDays(-10);
        var claim = Claim.Create(validation.Details!, validation.Products, partnerOrgId, competing: false, Ctx(Partner, filed));
        Assert.Null(claim.AddAttachment(new ClaimAttachment(Ids.New("att", filed), claim.Id, "poe.pdf", "application/pdf", 10, new string('a', 64), Partner, filed), Ctx(Partner, filed)));
        Assert.Null(claim.Submit(Ctx(Partner, filed.AddHours(1))));
        Assert.Null(claim.StartReview(Ctx(Reviewer, filed.AddDays(1))));
        Assert.Null(claim.Approve(7, null, Ctx(Reviewer, approvedAt)));
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim.Id;
    }

    /// <summary>The clock's step: the consent window ended, the claim becomes Active.</summary>
    public static Task ActivateAsync(CporAppFactory app, string claimId, DateTimeOffset at) =>
        ChangeAsync(app, claimId, claim => claim.CompleteConsentWindow(Ctx(Actor.System, at)));

    public static Task EndAsync(CporAppFactory app, string claimId, DateTimeOffset at) =>
        ChangeAsync(app, claimId, claim => claim.EndAssociation(EndReason.CustomerEnded, null, Ctx(Actor.System, at)));

    public static Task OptOutAsync(CporAppFactory app, string claimId, DateTimeOffset at) =>
        ChangeAsync(app, claimId, claim => claim.OptOut(null, Ctx(new Actor(ActorKind.Customer, "test-customer", "Customer"), at)));

    /// <summary>Approved seven days before <paramref name="activeFrom"/>, then Active; returns the association's id.</summary>
    public static async Task<string> ActiveAsync(CporAppFactory app, string partnerOrgId, ClaimInput input, DateTimeOffset activeFrom)
    {
        var claimId = await ApproveAsync(app, partnerOrgId, input, activeFrom.AddDays(-7));
        await ActivateAsync(app, claimId, activeFrom);
        return await AssociationOfAsync(app, claimId);
    }

    public static Task<string> AssociationOfAsync(CporAppFactory app, string claimId) =>
        app.WithDbAsync(async db =>
        {
            var claim = await ClaimCommands.LoadAsync(db.Claims, claimId, CancellationToken.None);
            return claim!.Associations.Single().Id;
        });

    public static async Task<string> ClaimOfAsync(CporAppFactory app, string associationId) =>
        await app.WithDbAsync(db => Task.FromResult(db.Associations.Single(a => a.Id == associationId).ClaimId));

    /// <summary>Imports directory records (one JSON object each) as the program admin; all must be accepted.</summary>
    public static async Task<JsonElement> ImportAsync(ApiFixture app, params object[] records)
    {
        var admin = await app.AdminAsync();
        var body = string.Join('\n', records.Select(r => JsonSerializer.Serialize(r)));
        var report = await ApiFixture.OkAsync<JsonElement>(await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson")));
        Assert.True(report.GetProperty("rejectedCount").GetInt32() == 0, report.ToString());
        return report;
    }

    /// <summary>One usage record per month, from <paramref name="first"/>, with values <paramref name="value"/>(month index).</summary>
    public static IEnumerable<object> Usage(Guid tenantId, string productId, Guid? subscriptionId, string first, int months, Func<int, int> value)
    {
        var start = DateOnly.ParseExact(first + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < months; i++)
        {
            var month = start.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            yield return subscriptionId is null
                ? new { type = "usage", tenantId, productId, month, activeUsers = value(i), enabledUsers = value(i) + 5 }
                : new { type = "usage", tenantId, productId, subscriptionId, month, activeUsers = value(i), enabledUsers = value(i), seatsPurchased = value(i) + 7, seatsAssigned = value(i) };
        }
    }

    private static async Task ChangeAsync(CporAppFactory app, string claimId, Func<Claim, DomainError?> change)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var claim = await ClaimCommands.LoadAsync(db.Claims, claimId, CancellationToken.None);
        Assert.NotNull(claim);
        Assert.Null(change(claim));
        await db.SaveChangesAsync();
    }

    private static TransitionContext Ctx(Actor actor, DateTimeOffset at) => new(actor, at, BusinessCalendar.WeekendsOnly, new ClaimTimings());
}
