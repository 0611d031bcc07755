using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

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

/// <summary>Loads the choices of the claim form with the same handlers as the API: the organisation's MPN IDs, the catalog, the customer check.</summary>
public sealed class ClaimFormChoices(PartnerAdmin partners, Catalog catalog, CheckCustomer checkCustomer, CurrentUser user, IStringLocalizer<UiText> text)
{
    public async Task<ClaimFormView> LoadAsync(ClaimForm form, FormErrors errors, Func<string, bool> editable, CancellationToken ct)
    {
        var mpns = await partners.ListMpnsAsync(user.PartnerOrgId!, ct);
        var catalogue = await catalog.GetAsync(ct);
        CustomerCheck? customer = null;
        if (!string.IsNullOrWhiteSpace(form.TenantId) && !string.IsNullOrWhiteSpace(form.CustomerDomain)
            && await checkCustomer.HandleAsync(form.TenantId, form.CustomerDomain, ct) is { IsSuccess: true } check)
        {
            customer = check.Value;
        }

        var productNames = catalogue.Products.ToDictionary(p => p.Id, p => p.Name);
        return new ClaimFormView(
            form,
            errors.WithLabels(input => ClaimForm.LabelOf(input, key => text[key], productNames)),
            mpns.Value ?? [],
            catalogue.Programs.ToDictionary(p => p.Id, p => p.Name),
            [.. catalogue.Products.Where(p => p.Active)],
            customer,
            editable);
    }

    /// <summary>The solution areas with their activities, in the order of the catalog table.</summary>
    public static IReadOnlyList<(SolutionArea Area, IReadOnlyList<Activity> Activities)> Activities =>
        [.. Enum.GetValues<SolutionArea>().Select(area => (area, (IReadOnlyList<Activity>)[.. Enum.GetValues<Activity>().Where(a => ActivityRules.IsOffered(area, a))]))];
}
