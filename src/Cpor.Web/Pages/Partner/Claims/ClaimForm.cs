using Cpor.Domain;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// The claim as the create and edit forms post it: one property per input, turned into the
/// <see cref="ClaimInput"/> the use cases validate. It also knows which input holds each API field,
/// so that an error lands next to the field it is about.
/// </summary>
public sealed class ClaimForm
{
    public string? Name { get; set; }

    public string? ExternalId { get; set; }

    public string? MpnId { get; set; }

    public string? TenantId { get; set; }

    public string? CustomerDomain { get; set; }

    public string? SolutionArea { get; set; }

    public string? Activity { get; set; }

    /// <summary>The products ticked, in the order of the form.</summary>
    public List<string> Products { get; set; } = [];

    /// <summary>The subscription chosen for a Business Applications product, by product.</summary>
    public Dictionary<string, string?> Subscriptions { get; set; } = [];

    public string? CustomerName { get; set; }

    public string? CustomerTitle { get; set; }

    public string? CustomerEmail { get; set; }

    public string? TechnicalName { get; set; }

    public string? TechnicalTitle { get; set; }

    public string? TechnicalEmail { get; set; }

    public string? PartnerName { get; set; }

    public string? PartnerEmail { get; set; }

    public string? SellerName { get; set; }

    public string? RevenueCustomerName { get; set; }

    public string? IsvProductName { get; set; }

    public static ClaimForm From(ClaimInput input) => new()
    {
        Name = input.Name,
        ExternalId = input.ExternalId,
        MpnId = input.MpnId,
        TenantId = input.TenantId,
        CustomerDomain = input.CustomerDomain,
        SolutionArea = input.SolutionArea,
        Activity = input.Activity,
        Products = [.. (input.Products ?? []).Select(p => p.ProductId ?? "")],
        Subscriptions = (input.Products ?? []).Where(p => p.ProductId is not null && p.SubscriptionId is not null)
            .GroupBy(p => p.ProductId!).ToDictionary(g => g.Key, g => g.First().SubscriptionId),
        CustomerName = input.CustomerContact?.Name,
        CustomerTitle = input.CustomerContact?.Title,
        CustomerEmail = input.CustomerContact?.Email,
        TechnicalName = input.TechnicalContact?.Name,
        TechnicalTitle = input.TechnicalContact?.Title,
        TechnicalEmail = input.TechnicalContact?.Email,
        PartnerName = input.PartnerContact?.Name,
        PartnerEmail = input.PartnerContact?.Email,
        SellerName = input.RevenueAssociation?.SolutionSellerName,
        RevenueCustomerName = input.RevenueAssociation?.CustomerName,
        IsvProductName = input.RevenueAssociation?.IsvProductName,
    };

    /// <summary>
    /// The claim to validate. Empty optional groups stay absent (no technical contact, no revenue
    /// fields), so the validator decides whether they were needed.
    /// </summary>
    public ClaimInput ToInput() => new(
        Name,
        Blank(ExternalId) ? null : ExternalId,
        MpnId,
        TenantId,
        CustomerDomain,
        SolutionArea,
        Activity,
        [.. Products.Select(p => new ProductInput(p, Blank(Subscriptions.GetValueOrDefault(p)) ? null : Subscriptions[p]))],
        new ContactInput(CustomerName, CustomerTitle, CustomerEmail),
        Blank(TechnicalName) && Blank(TechnicalTitle) && Blank(TechnicalEmail) ? null : new ContactInput(TechnicalName, TechnicalTitle, TechnicalEmail),
        new ContactInput(PartnerName, null, PartnerEmail),
        Blank(SellerName) && Blank(RevenueCustomerName) && Blank(IsvProductName) ? null : new RevenueAssociationInput(SellerName, RevenueCustomerName, IsvProductName));

    /// <summary>The id of the input that holds an API field (<c>products[1].subscriptionId</c>, <c>customerContact.email</c>...).</summary>
    public string? InputOf(string field)
    {
        if (field.StartsWith("products[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            if (close > 9 && int.TryParse(field[9..close], out var index) && index >= 0 && index < Products.Count)
            {
                return (field.EndsWith(".subscriptionId", StringComparison.Ordinal) ? "subscription-" : "product-") + Products[index];
            }

            return "products";
        }

        return field switch
        {
            "name" => "claim-name",
            "externalId" => "external-id",
            "mpnId" => "mpn-id",
            "tenantId" => "tenant-id",
            "customerDomain" => "customer-domain",
            "solutionArea" => "solution-area",
            "activity" => "activity",
            "products" => "products",
            "customerContact" or "customerContact.name" => "customer-name",
            "customerContact.title" => "customer-title",
            "customerContact.email" => "customer-email",
            "technicalContact" or "technicalContact.name" => "technical-name",
            "technicalContact.title" => "technical-title",
            "technicalContact.email" => "technical-email",
            "partnerContact" or "partnerContact.name" => "partner-name",
            "partnerContact.email" => "partner-email",
            "revenueAssociation" or "revenueAssociation.solutionSellerName" => "seller-name",
            "revenueAssociation.customerName" => "revenue-customer-name",
            "revenueAssociation.isvProductName" => "isv-product-name",
            "attachments" or "file" => "poe-files",
            _ => null,
        };
    }

    /// <summary>The label of an input of the form, as the person reads it: a contact's field is named with its contact.</summary>
    public static string? LabelOf(string inputId, Func<string, string> text, IReadOnlyDictionary<string, string> productNames)
    {
        var dash = inputId.IndexOf('-', StringComparison.Ordinal);
        var (group, part) = dash < 0 ? (inputId, "") : (inputId[..dash], inputId[(dash + 1)..]);
        string Contact(string contactKey) => text(contactKey) + " — " + text("contact." + part);
        return (group, part) switch
        {
            ("claim", "name") => text("claim.name"),
            ("external", _) => text("claim.externalId"),
            ("mpn", _) => text("claim.mpnId"),
            ("tenant", _) => text("claim.tenantId"),
            ("customer", "domain") => text("claim.customerDomain"),
            ("solution", _) => text("claim.solutionArea"),
            ("activity", _) => text("claim.activity"),
            ("products", _) => text("claim.products"),
            ("product", _) => productNames.GetValueOrDefault(part, part),
            ("subscription", _) => productNames.GetValueOrDefault(part, part) + " — " + text("product.subscription"),
            ("customer", "name" or "title" or "email") => Contact("contact.customer"),
            ("technical", _) => Contact("contact.technical"),
            ("partner", _) => Contact("contact.partner"),
            ("seller", _) => text("revenue.sellerName"),
            ("revenue", _) => text("revenue.customerName"),
            ("isv", _) => text("revenue.isvProductName"),
            _ => null,
        };
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
