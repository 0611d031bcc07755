using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Admin;

public sealed record HolidayDto(string Date, string? Name);

public sealed record HolidaysRequest(IReadOnlyList<HolidayDto>? Holidays);

/// <summary>
/// The holidays of the business calendar. Deadlines already computed keep their dates; new
/// stages use the calendar as it is when they start (CPOR.md §5).
/// </summary>
public sealed class BusinessCalendarAdmin(CporDb db, CurrentUser caller)
{
    public async Task<IReadOnlyList<HolidayDto>> ListAsync(CancellationToken ct) =>
        (await db.Holidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct))
            .Select(h => new HolidayDto(h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Name)).ToList();

    /// <summary>Replaces the whole set, in one transaction.</summary>
    public async Task<Outcome<IReadOnlyList<HolidayDto>>> ReplaceAsync(HolidaysRequest request, CancellationToken ct)
    {
        if (!caller.IsProgramAdmin)
        {
            return CommonErrors.Forbidden;
        }

        var errors = new List<DomainError>();
        var holidays = new Dictionary<DateOnly, string>();
        var items = request.Holidays ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!DateOnly.TryParseExact(item?.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new DomainError(ErrorCodes.DateInvalid, $"holidays[{i}].date", item?.Date ?? ""));
                continue;
            }

            var name = item!.Name?.Trim() ?? "";
            if (!FreeText.IsValidLine(name))
            {
                errors.Add(new DomainError(ErrorCodes.ValueInvalid, $"holidays[{i}].name"));
                continue;
            }

            holidays[date] = name;
        }

        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<HolidayDto>>.Failure(errors);
        }

        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        await db.Holidays.ExecuteDeleteAsync(ct);
        db.Holidays.AddRange(holidays.Select(h => new Holiday { Date = h.Key, Name = h.Value }));
        await db.SaveChangesAsync(ct);
        await uow.CommitAsync(ct);
        return Outcome<IReadOnlyList<HolidayDto>>.Success(await ListAsync(ct));
    }
}
