using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages;

/// <summary>
/// How values look on a page: times in the signed-in person's time zone and dates and numbers in the
/// page's culture, and the display name of every status, reason, role and activity in its language.
/// </summary>
public sealed class Display(CurrentUser user, IStringLocalizer<UiText> text, IStringLocalizer<ErrorMessages> errors)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.TryFindSystemTimeZoneById(user.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The time zone every time on the page is shown in.</summary>
    public string TimeZoneName => _zone.Id;

    public string DateTime(DateTimeOffset? value) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, _zone).ToString("g", CultureInfo.CurrentCulture) : "";

    public string Date(DateTimeOffset? value) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, _zone).ToString("d", CultureInfo.CurrentCulture) : "";

    /// <summary>A calendar day given as <c>yyyy-MM-dd</c>, in the culture's long date format.</summary>
    public string Day(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToString("D", CultureInfo.CurrentCulture) : isoDate;

    /// <summary>The machine-readable value of a <c>&lt;time&gt;</c> element.</summary>
    public static string Iso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public string FileSize(long bytes) => bytes switch
    {
        < 1024 => text.Plural("unit.bytes", bytes, Number(bytes)),
        < 1024 * 1024 => text["unit.kilobytes", (bytes / 1024d).ToString("N1", CultureInfo.CurrentCulture)],
        _ => text["unit.megabytes", (bytes / (1024d * 1024)).ToString("N1", CultureInfo.CurrentCulture)],
    };

    public string Status(ClaimStatus status) => text["status." + status];

    public string Area(SolutionArea area) => text["area." + area];

    public string Activity(Activity activity) => text["activity." + activity];

    public string Role(string role) => text["role." + role];

    public string Actor(ActorKind kind) => text["actor." + kind];

    public string InfoReason(InfoRequestReason reason) => text["reason.info." + reason];

    public string Channel(SubscriptionChannel channel) => text["channel." + channel];

    public string SubscriptionState(SubscriptionState state) => text["subscriptionState." + state];

    public string Language(string language) => text["language." + language];

    /// <summary>A subscription as offered in a picker: its ID, channel and seats, and why it cannot be claimed when it cannot.</summary>
    public string Subscription(CustomerSubscription subscription)
    {
        var label = text.Plural("subscription.label", subscription.SeatsPurchased, subscription.Id.ToString("D"), Channel(subscription.Channel), Number(subscription.SeatsPurchased)).Value;
        return subscription.Unclaimable is { } code ? text["subscription.unclaimable", label, errors[code].Value] : label;
    }

    public string CustomerFound(string tenantName) => text["customer.found", tenantName];

    /// <summary>A rejection or end reason as stored on the claim (either enum's name).</summary>
    public string StatusReason(string? reason) =>
        reason is null ? ""
        : Enum.TryParse<RejectionReason>(reason, out var rejection) && Enum.IsDefined(rejection) ? text["reason.rejection." + rejection]
        : Enum.TryParse<EndReason>(reason, out var end) && Enum.IsDefined(end) ? text["reason.end." + end]
        : reason;

    /// <summary>The reason of a status change: the reasons information was asked for, or the rejection or end reason.</summary>
    public string HistoryReason(ClaimStatus to, string reason) => to == ClaimStatus.PartnerActionRequired
        ? string.Join(", ", reason.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Enum.TryParse<InfoRequestReason>(r, out var info) && Enum.IsDefined(info) ? InfoReason(info) : r))
        : StatusReason(reason);

    /// <summary>A history line's action: a lifecycle action, or the kind of entry.</summary>
    public string HistoryAction(string action) =>
        Enum.TryParse<ClaimAction>(action, out var a) && Enum.IsDefined(a) ? text["action." + a]
        : Enum.TryParse<ClaimEventKind>(action, out var k) && Enum.IsDefined(k) ? text["event." + k]
        : action;

    /// <summary>A claim field named in the history (<c>customerContact.email</c>...).</summary>
    public string Field(string field)
    {
        var name = text["field." + field];
        return name.ResourceNotFound ? field : name.Value;
    }

    /// <summary>A value shown in a history line: enum values by their display name, the rest as stored.</summary>
    /// <summary>A history value; products by their catalog names (<paramref name="productNames"/>).</summary>
    public string FieldValue(string field, string? value, IReadOnlyDictionary<string, string> productNames) =>
        field == "products" && value is not null ? Features.Admin.ProductNames.OfHistoryValue(value, productNames) : FieldValue(field, value);

    public string FieldValue(string field, string? value) => (field, value) switch
    {
        (_, null) => "—",
        ("solutionArea", _) when Enum.TryParse<SolutionArea>(value, out var area) => Area(area),
        ("activity", _) when Enum.TryParse<Activity>(value, out var activity) => Activity(activity),
        ("competing", "true") => text["common.yes"],
        ("competing", "false") => text["common.no"],
        _ => value,
    };
}
