using System.Globalization;
using Cpor.Web.Charts;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// One official association: its unit's usage or seats over a period as a chart (the API's
/// <see cref="UsageChart"/>, inlined) with the same data as a table and as CSV, its eligibility
/// verdict with the reasons, and its partner contribution credit — each read through the use case
/// the API answers with, so another organisation's association is 404 here as there.
/// </summary>
public sealed class AssociationModel(
    ListAssociations associations,
    GetAssociationUsage usage,
    GetEligibility eligibility,
    Catalog catalog,
    PartnerAdmin partners,
    CurrentUser user,
    IStringLocalizer<AssociationText> chartText,
    IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    /// <summary>The inputs of the period form, by the API field an error names.</summary>
    private static readonly Dictionary<string, string> PeriodInputs = new() { ["from"] = "usage-from", ["to"] = "usage-to" };

    [FromRoute]
    public string Id { get; set; } = "";

    /// <summary>First month shown (<c>yyyy-MM</c>); none: the last 24 months.</summary>
    [FromQuery]
    public string? From { get; set; }

    /// <summary>Last month shown (<c>yyyy-MM</c>).</summary>
    [FromQuery]
    public string? To { get; set; }

    public AssociationResponse Association { get; private set; } = null!;

    public EligibilityResponse Eligibility { get; private set; } = null!;

    /// <summary>The period's facts; null when the period asked for was refused.</summary>
    public UsageResponse? Usage { get; private set; }

    /// <summary>The chart as SVG markup, escaped by its XML writer: safe to inline.</summary>
    public string? Chart { get; private set; }

    public AssociationChoices Choices { get; private set; } = AssociationChoices.None;

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>The claim page is the partner's own; a reviewer has none to open.</summary>
    public bool LinksClaim => user.IsPartner;

    public string PeriodFrom => Usage?.From ?? From ?? "";

    public string PeriodTo => Usage?.To ?? To ?? "";

    public CreditView Credit => new(
        Eligibility.Credit,
        Eligibility.Credit.DigitalPartnerOrgId is { } org ? Choices.Partner(org) : null,
        Compact: false);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var association = await associations.GetAsync(Id, ct);
        if (!association.IsSuccess)
        {
            return Unavailable(association.Errors) ?? NotFound();
        }

        Association = association.Value!;
        var verdict = await eligibility.HandleAsync(Id, ct);
        if (!verdict.IsSuccess)
        {
            return Unavailable(verdict.Errors) ?? NotFound();
        }

        Eligibility = verdict.Value!;
        Choices = await AssociationChoices.LoadAsync(catalog, partners, user, ct);
        // The customer's data: never kept by a shared cache, as the API's usage answers.
        Response.Headers.CacheControl = "private, no-store";

        var facts = await usage.HandleAsync(Id, From, To, ct);
        if (!facts.IsSuccess)
        {
            if (Unavailable(facts.Errors) is { } unavailable)
            {
                return unavailable;
            }

            Errors = FormErrors.From(facts.Errors, messages, field => PeriodInputs.GetValueOrDefault(field));
            return Refused();
        }

        Usage = facts.Value!;
        Chart = UsageChart.Render(UsageSvg.Model(Usage, chartText, CultureInfo.CurrentCulture, "usage-chart"), CultureInfo.CurrentCulture);
        return Page();
    }

    /// <summary>The period's facts as the API's CSV download (<see cref="UsageCsv"/>).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var facts = await usage.HandleAsync(Id, From, To, ct);
        if (!facts.IsSuccess)
        {
            return Unavailable(facts.Errors) ?? BadRequest();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.ContentType = UsageCsv.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{UsageCsv.FileName(facts.Value!)}\"";
        await UsageCsv.WriteAsync(facts.Value!, Response.Body, ct);
        return new EmptyResult();
    }
}
