using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Admin.Partners;

/// <summary>One partner organisation: its MPN IDs with their program enrolments (add one, change enrolments) and its users.</summary>
public sealed class PartnerModel(PartnerAdmin partners, Users users, Catalog catalog, IStringLocalizer<ErrorMessages> messages) : RecordPageModel(messages)
{
    [BindProperty]
    public string? MpnId { get; set; }

    [BindProperty]
    public string? LocationName { get; set; }

    [BindProperty]
    public List<string> Programs { get; set; } = [];

    public PartnerResponse Partner { get; private set; } = null!;

    public IReadOnlyList<MpnResponse> Mpns { get; private set; } = [];

    public IReadOnlyList<ProgramResponse> ProgramList { get; private set; } = [];

    public IReadOnlyList<UserResponse> Members { get; private set; } = [];

    /// <summary>The MPN ID whose enrolment form the errors belong to.</summary>
    public string? ErrorsFor { get; private set; }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var added = await partners.AddMpnAsync(Id, new MpnRequest(MpnId, LocationName, Programs), ct);
        return await AfterAsync(added.Errors, "flash.mpnAdded", null, ct);
    }

    public async Task<IActionResult> OnPostEnrolAsync(string mpn, CancellationToken ct)
    {
        var changed = await partners.SetEnrolmentAsync(Id, mpn, new MpnEnrolmentRequest(Programs), ct);
        return await AfterAsync(changed.Errors, "flash.enrolmentSaved", mpn, ct);
    }

    private Task<IActionResult> AfterAsync(IReadOnlyList<DomainError> errors, string flash, string? mpn, CancellationToken ct)
    {
        ErrorsFor = mpn;
        return AfterAsync(errors, flash, field => field switch
        {
            "mpnId" => "mpn-id",
            "name" => "location-name",
            "programs" => mpn is null ? "programs" : "programs-" + mpn,
            _ => null,
        }, ct);
    }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var list = await partners.ListAsync(ct);
        if (list.Value?.FirstOrDefault(p => p.Id == Id) is not { } partner)
        {
            return NotFound();
        }

        Partner = partner;
        var mpns = await partners.ListMpnsAsync(Id, ct);
        if (Unavailable(mpns.Errors) is { } unavailable)
        {
            return unavailable;
        }

        Mpns = mpns.Value!;
        ProgramList = (await catalog.GetAsync(ct)).Programs;
        Members = (await users.ListAsync(Id, ct)).Value ?? [];
        return null;
    }
}
