namespace Cpor.Domain.Tests;

/// <summary>A small directory and claim inputs that pass validation, to vary one thing at a time.</summary>
internal static class TestData
{
    public static readonly Guid TenantId = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid OtherTenantId = Guid.Parse("22222222-2222-4222-8222-222222222222");
    public static readonly Guid SalesSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000001");
    public static readonly Guid FinanceSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000002");
    public static readonly Guid CspSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000003");
    public static readonly Guid DisabledSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000004");
    public static readonly Guid UnprovisionedSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000005");
    public static readonly Guid GraceSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000006");
    public static readonly Guid OtherTenantSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000007");
    public static readonly Guid ExchangeSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000008");
    public static readonly Guid ServiceSubscription = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000009");

    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static DirectorySnapshot Directory()
    {
        var products = new[]
        {
            new ProductInfo("exchange-online", SolutionArea.Microsoft365, "Exchange Online", false, true),
            new ProductInfo("teams", SolutionArea.Microsoft365, "Teams", false, true),
            new ProductInfo("intune", SolutionArea.Microsoft365, "Intune", false, true),
            new ProductInfo("dynamics-365-sales", SolutionArea.BusinessApplications, "Sales", true, true),
            new ProductInfo("dynamics-365-customer-service", SolutionArea.BusinessApplications, "Customer Service", true, true),
            new ProductInfo("dynamics-365-finance", SolutionArea.BusinessApplications, "Finance", true, true),
            new ProductInfo("dynamics-365-commerce", SolutionArea.BusinessApplications, "Commerce", true, true),
            new ProductInfo("dynamics-365-field-service", SolutionArea.BusinessApplications, "Field Service", true, true),
            new ProductInfo("power-bi-pro", SolutionArea.BusinessApplications, "Power BI Pro", false, true),
            new ProductInfo("power-apps", SolutionArea.BusinessApplications, "Power Apps", false, true),
            new ProductInfo("retired-product", SolutionArea.Microsoft365, "Retired", false, false),
        };
        var subscriptions = new[]
        {
            new SubscriptionInfo(SalesSubscription, TenantId, "dynamics-365-sales", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true),
            new SubscriptionInfo(FinanceSubscription, TenantId, "dynamics-365-finance", SubscriptionChannel.WebDirect, SubscriptionState.Active, true),
            new SubscriptionInfo(GraceSubscription, TenantId, "dynamics-365-finance", SubscriptionChannel.VolumeLicensing, SubscriptionState.Grace, true),
            new SubscriptionInfo(CspSubscription, TenantId, "dynamics-365-field-service", SubscriptionChannel.CSP, SubscriptionState.Active, true),
            new SubscriptionInfo(DisabledSubscription, TenantId, "dynamics-365-customer-service", SubscriptionChannel.VolumeLicensing, SubscriptionState.Disabled, true),
            new SubscriptionInfo(UnprovisionedSubscription, TenantId, "dynamics-365-commerce", SubscriptionChannel.WebDirect, SubscriptionState.Active, false),
            new SubscriptionInfo(OtherTenantSubscription, OtherTenantId, "dynamics-365-sales", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true),
            new SubscriptionInfo(ExchangeSubscription, TenantId, "exchange-online", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true),
            new SubscriptionInfo(ServiceSubscription, TenantId, "power-bi-pro", SubscriptionChannel.VolumeLicensing, SubscriptionState.Active, true),
        };
        return new DirectorySnapshot(
            new TenantInfo(TenantId, "Contoso", ["contoso.com", "contoso.onmicrosoft.com"], ["exchange-online", "teams"]),
            subscriptions.ToDictionary(s => s.Id),
            products.ToDictionary(p => p.Id),
            new Dictionary<string, MpnInfo>
            {
                ["1000001"] = new("1000001", [ProgramIds.OsaSell, ProgramIds.OsuBusinessApplications, ProgramIds.OsuMicrosoft365]),
                ["1000002"] = new("1000002", []),
            });
    }

    public static ClaimInput M365Input() => new(
        "Contoso Teams", "CRM-1", "1000001", TenantId.ToString(), "contoso.com", "Microsoft365", "Usage",
        [new ProductInput("teams", null)],
        new ContactInput("Ann Lee", "CIO", "ann@contoso.com"),
        null,
        new ContactInput("Pat Partner", null, "pat@partner.example"),
        null);

    public static ClaimInput SalesInput() => M365Input() with
    {
        SolutionArea = "BusinessApplications",
        Activity = "Usage",
        Products = [new ProductInput("dynamics-365-sales", null)],
        TechnicalContact = new ContactInput("Tom Tech", "Architect", "tom@contoso.com"),
    };

    public static Actor Partner { get; } = new(ActorKind.Partner, "user-partner", "Pat Partner");

    public static Actor Reviewer { get; } = new(ActorKind.Reviewer, "user-reviewer", "Rita Reviewer");

    public static TransitionContext Ctx(Actor actor, DateTimeOffset at) => new(actor, at, BusinessCalendar.WeekendsOnly, new ClaimTimings());

    public static Claim NewDraft(DateTimeOffset at)
    {
        var validation = ClaimValidator.Validate(M365Input(), Directory());
        return Claim.Create(validation.Details!, validation.Products, "org-a", competing: false, Ctx(Partner, at));
    }

    public static ClaimAttachment Poe(Claim claim, DateTimeOffset at) =>
        new(Ids.New("att", at), claim.Id, "poe.pdf", "application/pdf", 100, new string('a', 64), Partner, at);

    public static Claim Submitted(DateTimeOffset at)
    {
        var claim = NewDraft(at);
        claim.AddAttachment(Poe(claim, at), Ctx(Partner, at));
        Assert.Null(claim.Submit(Ctx(Partner, at)));
        return claim;
    }
}
