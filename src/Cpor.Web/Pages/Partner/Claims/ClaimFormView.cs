using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>Everything the claim form shows: the values, their errors, and the choices offered.</summary>
public sealed record ClaimFormView(
    ClaimForm Form,
    FormErrors Errors,
    IReadOnlyList<MpnResponse> Mpns,
    IReadOnlyDictionary<string, string> ProgramNames,
    IReadOnlyList<ProductResponse> Products,
    CustomerCheck? Customer,
    Func<string, bool> Editable)
{
    /// <summary>The tenant's subscriptions of a product, claimable ones first.</summary>
    public IReadOnlyList<CustomerSubscription> SubscriptionsOf(string productId) =>
        [.. (Customer?.Subscriptions ?? []).Where(s => s.ProductId == productId).OrderBy(s => s.Unclaimable is not null)];

    public bool IsChecked(string productId) => Form.Products.Contains(productId);

    public TextField Text(string id, string name, string apiField, string label, string? value, bool required = false, string type = "text", string? hint = null, string? autocomplete = null) =>
        new(id, name, label, value, Errors.For(id), required, type, hint, autocomplete, Disabled: !Editable(apiField));

    public bool IsWorkloadEnabled(string productId) => Customer?.Workloads.Contains(productId) == true;

    public string ProgramName(string? programId) => programId is null ? "" : ProgramNames.GetValueOrDefault(programId, programId);
}

