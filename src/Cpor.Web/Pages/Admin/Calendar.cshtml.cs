using Cpor.Web.Features.Admin;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Admin;

/// <summary>The business calendar's holidays (program admins): add or remove one; the whole set is replaced by <see cref="BusinessCalendarAdmin"/>.</summary>
public sealed class CalendarModel(BusinessCalendarAdmin calendar, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? HolidayName { get; set; }

    public IReadOnlyList<HolidayDto> Holidays { get; private set; } = [];

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public async Task OnGetAsync(CancellationToken ct) => Holidays = await calendar.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var current = await calendar.ListAsync(ct);
        return await ReplaceAsync([.. current.Where(h => h.Date != Date), new HolidayDto(Date ?? "", HolidayName)], "flash.holidayAdded", current.Count, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string date, CancellationToken ct)
    {
        var current = await calendar.ListAsync(ct);
        return await ReplaceAsync([.. current.Where(h => h.Date != date)], "flash.holidayRemoved", current.Count, ct);
    }

    /// <summary>The errors name the new holiday by its index, the last of the list.</summary>
    private async Task<IActionResult> ReplaceAsync(IReadOnlyList<HolidayDto> holidays, string flash, int newIndex, CancellationToken ct)
    {
        var outcome = await calendar.ReplaceAsync(new HolidaysRequest(holidays), ct);
        if (Unavailable(outcome.Errors) is { } unavailable)
        {
            return unavailable;
        }

        if (outcome.IsSuccess)
        {
            Flash(flash);
            return RedirectToPage();
        }

        Holidays = await calendar.ListAsync(ct);
        Errors = FormErrors.From(outcome.Errors, messages, field =>
            field == $"holidays[{newIndex}].date" ? "holiday-date" : field == $"holidays[{newIndex}].name" ? "holiday-name" : null);
        return Refused();
    }
}
