using System.Globalization;
using System.Text.Json.Serialization;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>What a usage series counts: users of a Microsoft 365 workload, or seats of a subscription.</summary>
public enum UsageMeasure
{
    /// <summary>Monthly active and enabled users of a workload.</summary>
    Users,

    /// <summary>Seats purchased and assigned on a subscription.</summary>
    Seats,
}

/// <summary>One month of facts; only the measure's two numbers are present.</summary>
public sealed record UsageMonth(
    string Month,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ActiveUsers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EnabledUsers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SeatsPurchased,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SeatsAssigned);

/// <summary>
/// GET /api/v1/associations/{id}/usage: the facts of the association's tenant and unit only, for
/// the months <c>from</c>–<c>to</c> (<c>yyyy-MM</c>): the period asked for (by default the last 24
/// months) within the months the association is official, from the month it became Active to the
/// month it ended. <c>visibleUntil</c> is the end of an Ended association.
/// </summary>
public sealed record UsageResponse(
    string AssociationId,
    Guid TenantId,
    string ProductId,
    string ProductName,
    Guid? SubscriptionId,
    UnitKind UnitKind,
    AssociationState State,
    UsageMeasure Measure,
    string From,
    string To,
    DateTimeOffset? VisibleUntil,
    IReadOnlyList<UsageMonth> Months);

/// <summary>
/// CPOR.md §9: an official association gives its partner the monthly usage of that workload, or the
/// sold seats of that subscription, on that tenant — and no other data of the customer. The facts
/// are read by the association's own data unit and tenant, never by anything the caller sends, and
/// only for its <see cref="OfficialMonths"/>: nothing before the month it became Active, nothing
/// after the month it ended in.
/// </summary>
public sealed class GetAssociationUsage(CporDb db, CurrentUser user, TimeProvider time)
{
    /// <summary>Months shown when the caller gives no period.</summary>
    public const int DefaultMonths = 24;

    /// <summary>Longest period one request may ask for.</summary>
    public const int MaxMonths = 240;

    public async Task<Outcome<UsageResponse>> HandleAsync(string associationId, string? from, string? to, CancellationToken ct)
    {
        var association = await AssociationReads.FindVisibleAsync(db, user, associationId, ct);
        if (association is null)
        {
            return CommonErrors.NotFound;
        }

        var errors = new List<DomainError>();
        var fromMonth = ParseMonth(from, "from", errors);
        var toMonth = ParseMonth(to, "to", errors);
        if (errors.Count > 0)
        {
            return Outcome<UsageResponse>.Failure(errors);
        }

        var now = time.GetUtcNow();
        var official = OfficialMonths.Of(association, now);
        var last = toMonth ?? official?.Last ?? ContributionCredit.MonthOf(now);
        var first = fromMonth ?? last.AddMonths(1 - DefaultMonths);
        if (first > last || MonthsBetween(first, last) >= MaxMonths)
        {
            return new DomainError(ErrorCodes.UsageRangeInvalid, "from", MaxMonths);
        }

        // Only the months the association is official (CPOR.md §9): the period shrinks to them, and
        // a period outside them shows nothing. The month before is the credit's baseline, not data.
        var shown = official?.Within(first, last);
        var unit = UsageFact.DataUnitOf(association.TenantId, association.ProductId, association.SubscriptionId);
        var tenant = association.TenantId;
        // Both the unit and the tenant: a fact of another tenant can never match, whatever the unit key says.
        var facts = shown is null
            ? []
            : await db.UsageFacts.AsNoTracking()
                .Where(f => f.DataUnit == unit && f.TenantId == tenant && f.Month >= shown.First && f.Month <= shown.Last)
                .OrderBy(f => f.Month)
                .ToListAsync(ct);
        var measure = association.UnitKind switch
        {
            UnitKind.Workload => UsageMeasure.Users,
            UnitKind.Subscription => UsageMeasure.Seats,
        };
        var months = measure switch
        {
            UsageMeasure.Users => facts.Select(f => new UsageMonth(Month(f.Month), f.ActiveUsers, f.EnabledUsers, null, null)).ToList(),
            UsageMeasure.Seats => facts.Where(f => f.SeatsPurchased is not null || f.SeatsAssigned is not null)
                .Select(f => new UsageMonth(Month(f.Month), null, null, f.SeatsPurchased, f.SeatsAssigned)).ToList(),
        };
        var productName = await db.Products.AsNoTracking().Where(p => p.Id == association.ProductId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            ?? association.ProductId;
        return new UsageResponse(
            association.Id, association.TenantId, association.ProductId, productName, association.SubscriptionId, association.UnitKind,
            association.State, measure, Month(shown?.First ?? first), Month(shown?.Last ?? last),
            association.State == AssociationState.Ended ? association.EndedAt : null, months);
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static int MonthsBetween(DateOnly first, DateOnly last) => ((last.Year - first.Year) * 12) + last.Month - first.Month;

    private static DateOnly? ParseMonth(string? value, string field, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        errors.Add(new DomainError(ErrorCodes.MonthInvalid, field, text.Length > 20 ? text[..20] : text));
        return null;
    }
}
