using Cpor.Web.Features.Admin;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Admin;

/// <summary>
/// Accounts: program admins see and create everyone (any role, with its organisation or tenant);
/// a partner's global admin sees and creates the users of their organisation, with partner roles.
/// </summary>
public sealed class UsersModel(Users users, PartnerAdmin partners, CurrentUser user, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    /// <summary>Time zones offered first; any IANA zone of the system is accepted.</summary>
    public static readonly IReadOnlyList<string> CommonTimeZones =
        ["UTC", "Europe/Paris", "Europe/Rome", "Europe/London", "Europe/Berlin", "Europe/Madrid", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Singapore", "Australia/Sydney"];

    [BindProperty(SupportsGet = true)]
    public string? PartnerOrgId { get; set; }

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<UserResponse> List { get; private set; } = [];

    public IReadOnlyList<PartnerResponse> Organisations { get; private set; } = [];

    public UserResponse? Created { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public bool IsProgramAdmin => user.IsProgramAdmin;

    public IReadOnlyList<string> RoleChoices => user.IsProgramAdmin ? Roles.All : [.. Roles.All.Where(Roles.Partner.Contains)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.PartnerOrgId = PartnerOrgId;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = user.IsProgramAdmin ? Input.PartnerOrgId : user.PartnerOrgId;
        var outcome = await users.CreateAsync(
            new CreateUserRequest(Input.Email, Input.Password, Input.Roles, organisation, Input.TenantId, Input.Language, Input.DisplayName, Input.TimeZone), ct);
        if (Unavailable(outcome.Errors) is { } unavailable)
        {
            return unavailable;
        }

        if (outcome.IsSuccess)
        {
            // Shown on this answer only: a generated password is never stored where it could be read again.
            Created = outcome.Value;
            PartnerOrgId = organisation;
            Input = new NewUser { PartnerOrgId = organisation };
            return await LoadAsync(ct) ?? Page();
        }

        Errors = FormErrors.From(outcome.Errors, messages, field => "user-" + field);
        return await LoadAsync(ct) ?? Refused();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var list = await users.ListAsync(PartnerOrgId, ct);
        if (Unavailable(list.Errors) is { } unavailable)
        {
            return unavailable;
        }

        List = list.Value!;
        Organisations = (await partners.ListAsync(ct)).Value ?? [];
        return null;
    }
}

