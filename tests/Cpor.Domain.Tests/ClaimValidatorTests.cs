namespace Cpor.Domain.Tests;

public class ClaimValidatorTests
{
    [Fact]
    public void Validate_AValidMicrosoft365Claim_ResolvesTheWorkloadUnit()
    {
        var result = ClaimValidator.Validate(TestData.M365Input(), TestData.Directory());

        Assert.True(result.IsValid, string.Join(", ", result.Errors));
        var product = Assert.Single(result.Products);
        Assert.Equal(UnitKind.Workload, product.UnitKind);
        Assert.Equal($"Usage:w:{TestData.TenantId}:teams", product.UnitKey);
    }

    [Fact]
    public void Validate_ASingleClaimableSubscription_IsChosenForThePartner()
    {
        var result = ClaimValidator.Validate(TestData.SalesInput(), TestData.Directory());

        Assert.True(result.IsValid, string.Join(", ", result.Errors));
        Assert.Equal(TestData.SalesSubscription, result.Products[0].SubscriptionId);
    }

    public static TheoryData<string, string, Func<ClaimInput, ClaimInput>> Cases() => new()
    {
        { ErrorCodes.DomainTenantMismatch, "customerDomain", i => i with { CustomerDomain = "fabrikam.com" } },
        { ErrorCodes.TenantNotFound, "tenantId", i => i with { TenantId = TestData.OtherTenantId.ToString() } },
        { ErrorCodes.TenantIdInvalid, "tenantId", i => i with { TenantId = "not-a-guid" } },
        { ErrorCodes.DomainInvalid, "customerDomain", i => i with { CustomerDomain = "http://contoso" } },
        { ErrorCodes.MpnIdInvalid, "mpnId", i => i with { MpnId = "12ab" } },
        { ErrorCodes.MpnNotInOrg, "mpnId", i => i with { MpnId = "9999999" } },
        { ErrorCodes.MpnNotEnrolled, "mpnId", i => i with { MpnId = "1000002" } },
        { ErrorCodes.SolutionAreaInvalid, "solutionArea", i => i with { SolutionArea = "Azure" } },
        { ErrorCodes.ActivityInvalid, "activity", i => i with { Activity = "1" } },
        { ErrorCodes.ActivityNotInSolutionArea, "activity", i => i with { Activity = "PreSales" } },
        { ErrorCodes.ProductsRequired, "products", i => i with { Products = [] } },
        { ErrorCodes.ProductNotFound, "products[0].productId", i => i with { Products = [new ProductInput("azure-vm", null)] } },
        { ErrorCodes.ProductNotFound, "products[0].productId", i => i with { Products = [new ProductInput("retired-product", null)] } },
        { ErrorCodes.ProductDuplicate, "products[1]", i => i with { Products = [new ProductInput("teams", null), new ProductInput("teams", null)] } },
        { ErrorCodes.ProductNotInSolutionArea, "products[0].productId", i => i with { Products = [new ProductInput("power-apps", null)] } },
        { ErrorCodes.WorkloadNotOnTenant, "products[0].productId", i => i with { Products = [new ProductInput("intune", null)] } },
        { ErrorCodes.SubscriptionNotApplicable, "products[0].subscriptionId", i => i with { Products = [new ProductInput("teams", TestData.SalesSubscription.ToString())] } },
        { ErrorCodes.SubscriptionRequired, "products[0].subscriptionId", i => Sales(i, "dynamics-365-finance", null) },
        { ErrorCodes.SubscriptionIdInvalid, "products[0].subscriptionId", i => Sales(i, "dynamics-365-sales", "abc") },
        { ErrorCodes.SubscriptionNotFound, "products[0].subscriptionId", i => Sales(i, "dynamics-365-sales", Guid.NewGuid().ToString()) },
        { ErrorCodes.SubscriptionNotOnTenant, "products[0].subscriptionId", i => Sales(i, "dynamics-365-sales", TestData.OtherTenantSubscription.ToString()) },
        { ErrorCodes.ProductNotOnTenant, "products[0].productId", i => Sales(i, "power-apps", null) },
        { ErrorCodes.SubscriptionNotDynamics, "products[0].subscriptionId", i => Sales(i, "dynamics-365-sales", TestData.ExchangeSubscription.ToString()) },
        { ErrorCodes.SubscriptionProductMismatch, "products[0].subscriptionId", i => Sales(i, "dynamics-365-sales", TestData.ServiceSubscription.ToString()) },
        { ErrorCodes.SubscriptionIsCsp, "products[0].subscriptionId", i => Sales(i, "dynamics-365-field-service", TestData.CspSubscription.ToString()) },
        { ErrorCodes.SubscriptionIsCsp, "products[0].subscriptionId", i => Sales(i, "dynamics-365-field-service", null) },
        { ErrorCodes.SubscriptionNotProvisioned, "products[0].subscriptionId", i => Sales(i, "dynamics-365-commerce", null) },
        { ErrorCodes.SubscriptionNotActive, "products[0].subscriptionId", i => Sales(i, "dynamics-365-customer-service", TestData.DisabledSubscription.ToString()) },
        { ErrorCodes.ContactRequired, "customerContact.title", i => i with { CustomerContact = new ContactInput("Ann", " ", "ann@contoso.com") } },
        { ErrorCodes.ContactRequired, "partnerContact.email", i => i with { PartnerContact = new ContactInput("Pat", null, null) } },
        { ErrorCodes.EmailInvalid, "customerContact.email", i => i with { CustomerContact = new ContactInput("Ann", "CIO", "ann@") } },
        { ErrorCodes.TechnicalContactRequired, "technicalContact", i => TestData.SalesInput() with { TechnicalContact = null } },
        { ErrorCodes.RevenueFieldsRequired, "revenueAssociation.isvProductName", i => TestData.SalesInput() with { Activity = "RevenueAssociation", RevenueAssociation = new RevenueAssociationInput("Seller", "Contoso", "") } },
        { ErrorCodes.RevenueFieldsNotApplicable, "revenueAssociation", i => i with { RevenueAssociation = new RevenueAssociationInput("Seller", null, null) } },
        { ErrorCodes.ValueRequired, "name", i => i with { Name = "  " } },
        { ErrorCodes.ValueTooLong, "name", i => i with { Name = new string('x', 1_000_000) } },
        { ErrorCodes.ValueInvalid, "name", i => i with { Name = "bad\u0000name" } },
        { ErrorCodes.ValueTooLong, "externalId", i => i with { ExternalId = new string('x', 101) } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_ReportsTheCodeOnTheField(string code, string field, Func<ClaimInput, ClaimInput> change)
    {
        var result = ClaimValidator.Validate(change(TestData.M365Input()), TestData.Directory());

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Code == code && e.Field == field);
        Assert.Null(result.Details);
    }

    [Fact]
    public void Validate_GraceSubscription_IsClaimable()
    {
        var result = ClaimValidator.Validate(Sales(TestData.M365Input(), "dynamics-365-finance", TestData.GraceSubscription.ToString()), TestData.Directory());

        Assert.True(result.IsValid, string.Join(", ", result.Errors));
    }

    [Fact]
    public void Validate_DomainIsCaseInsensitiveAndTrimmed()
    {
        var result = ClaimValidator.Validate(TestData.M365Input() with { CustomerDomain = "  Contoso.COM. " }, TestData.Directory());

        Assert.True(result.IsValid, string.Join(", ", result.Errors));
        Assert.Equal("contoso.com", result.Details!.CustomerDomain);
    }

    private static ClaimInput Sales(ClaimInput input, string productId, string? subscriptionId) => TestData.SalesInput() with
    {
        Products = [new ProductInput(productId, subscriptionId)],
    };
}
