namespace Cpor.Domain.Tests;

/// <summary>Official associations built through the claim aggregate, to feed the eligibility and credit rules.</summary>
internal static class Officials
{
    public static readonly DateTimeOffset ActiveFrom = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static ClaimInput Revenue() => TestData.SalesInput() with
    {
        Activity = "RevenueAssociation",
        RevenueAssociation = new RevenueAssociationInput("Seller", "Contoso", "ISV app"),
    };

    public static ClaimInput PreSales() => TestData.SalesInput() with { Activity = "PreSales" };

    /// <summary>The claim's one association, Active since <paramref name="activeFrom"/> (default <see cref="ActiveFrom"/>).</summary>
    public static Association Active(ClaimInput input, DateTimeOffset? activeFrom = null) =>
        Claim(input, activeFrom ?? ActiveFrom).Associations.Single();

    /// <summary>The claim's one association, Active since <see cref="ActiveFrom"/>, ended by the customer at <paramref name="endedAt"/>.</summary>
    public static Association Ended(ClaimInput input, DateTimeOffset endedAt)
    {
        var claim = Claim(input, ActiveFrom);
        Assert.Null(claim.EndAssociation(EndReason.CustomerEnded, null, TestData.Ctx(Actor.System, endedAt)));
        return claim.Associations.Single();
    }

    private static Claim Claim(ClaimInput input, DateTimeOffset activeFrom)
    {
        var validation = ClaimValidator.Validate(input, TestData.Directory());
        Assert.True(validation.IsValid, string.Join(", ", validation.Errors));
        var claim = Domain.Claim.Create(validation.Details!, validation.Products, "org-a", competing: false, TestData.Ctx(TestData.Partner, activeFrom.AddDays(-20)));
        claim.AddAttachment(TestData.Poe(claim, activeFrom.AddDays(-20)), TestData.Ctx(TestData.Partner, activeFrom.AddDays(-20)));
        Assert.Null(claim.Submit(TestData.Ctx(TestData.Partner, activeFrom.AddDays(-19))));
        Assert.Null(claim.StartReview(TestData.Ctx(TestData.Reviewer, activeFrom.AddDays(-18))));
        Assert.Null(claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, activeFrom.AddDays(-7))));
        Assert.Null(claim.CompleteConsentWindow(TestData.Ctx(Actor.System, activeFrom)));
        return claim;
    }
}
