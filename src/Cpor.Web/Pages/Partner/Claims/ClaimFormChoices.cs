using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Partner.Claims;

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
