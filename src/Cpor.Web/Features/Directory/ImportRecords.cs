using System.Globalization;
using System.Text.Json;
using Cpor.Domain;

namespace Cpor.Web.Features.Directory;

/// <summary>A line that cannot be read at all: the whole import is refused and nothing is written.</summary>
public sealed class ImportMalformedException(long line, string detail) : Exception(detail)
{
    public long Line { get; } = line;
}

/// <summary>The fields of one record, whether it came from a JSON line or a CSV row.</summary>
public abstract class ImportFields
{
    public abstract string? Text(string name);

    public abstract IReadOnlyList<string>? List(string name);

    public static ImportFields FromJson(JsonElement element) => new JsonFields(element);

    public static ImportFields FromCsv(IReadOnlyDictionary<string, string?> row) => new CsvFields(row);

    private sealed class JsonFields(JsonElement element) : ImportFields
    {
        public override string? Text(string name) =>
            element.TryGetProperty(name, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.Object or JsonValueKind.Array => "\u0000", // present but not a scalar: invalid
            } : null;

        public override IReadOnlyList<string>? List(string name) =>
            !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : "\u0000")]
            : ["\u0000"];
    }

    private sealed class CsvFields(IReadOnlyDictionary<string, string?> row) : ImportFields
    {
        public override string? Text(string name) => row.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        /// <summary>Lists in a CSV cell are separated by semicolons, pipes or spaces.</summary>
        public override IReadOnlyList<string>? List(string name) =>
            Text(name)?.Split([';', '|', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}

public sealed record TenantRecord(long Line, Guid TenantId, string Name, string Country, IReadOnlyList<string> Domains, IReadOnlyList<string> Workloads);

public sealed record SubscriptionRecord(
    long Line, Guid SubscriptionId, Guid TenantId, string ProductId, SubscriptionChannel Channel, SubscriptionState State,
    bool Provisioned, int SeatsPurchased, int SeatsAssigned, DateTimeOffset? EndsAt);

public sealed record UsageRecord(
    long Line, Guid TenantId, string ProductId, Guid? SubscriptionId, DateOnly Month, int ActiveUsers, int EnabledUsers, int? SeatsPurchased, int? SeatsAssigned);

public sealed record DporRecord(long Line, Guid SubscriptionId, string PartnerOrgId);

/// <summary>
/// An association made before CPOR (CPOR.md §12): a Dynamics 365 / Power Platform subscription a
/// partner already holds, imported as an Active association that ends with the subscription.
/// </summary>
public sealed record LegacyAssociationRecord(
    long Line, string PartnerOrgId, string MpnId, Guid TenantId, string ProductId, Guid SubscriptionId, Activity Activity, DateTimeOffset ActiveFrom, string? Name);

/// <summary>A record refused on its own: reported with its line, the rest of the import goes on.</summary>
public sealed record RejectedLine(long Line, string Code, string? Field, object[] Args);

/// <summary>Turns fields into typed records; a missing or ill-typed field rejects the line, not the file.</summary>
public static class ImportParser
{
    /// <summary>The record types, parents first: the order multipart files are imported in.</summary>
    public static readonly IReadOnlyList<string> Types = ["tenant", "subscription", "usage", "dpor", "legacyAssociation"];

    public static object Parse(long line, string? type, ImportFields f) => type switch
    {
        "tenant" => Tenant(line, f),
        "subscription" => Subscription(line, f),
        "usage" => Usage(line, f),
        "dpor" => Dpor(line, f),
        "legacyAssociation" => LegacyAssociation(line, f),
        _ => new RejectedLine(line, ErrorCodes.ImportTypeUnknown, "type", [type ?? ""]),
    };

    private static object Tenant(long line, ImportFields f)
    {
        var r = new Reader(line, f);
        var id = r.Guid("tenantId", ErrorCodes.TenantIdInvalid);
        var name = r.Text("name", 200);
        var country = r.Text("country", 2, required: false)?.ToUpperInvariant() ?? "";
        var domains = new List<string>();
        foreach (var raw in f.List("domains") ?? [])
        {
            if (ClaimValidator.NormalizeDomain(raw) is { } domain)
            {
                domains.Add(domain);
            }
            else
            {
                r.Fail(ErrorCodes.DomainInvalid, "domains", raw);
            }
        }

        var workloads = (f.List("workloads") ?? []).Select(w => w.Trim()).Distinct().ToList();
        return (object?)r.Error ?? new TenantRecord(line, id, name!, country, [.. domains.Distinct()], workloads);
    }

    private static object Subscription(long line, ImportFields f)
    {
        var r = new Reader(line, f);
        var id = r.Guid("subscriptionId", ErrorCodes.SubscriptionIdInvalid);
        var tenant = r.Guid("tenantId", ErrorCodes.TenantIdInvalid);
        var product = r.Text("productId", 80);
        var channel = r.Enum<SubscriptionChannel>("channel");
        var state = r.Enum<SubscriptionState>("state");
        var provisioned = r.Bool("provisioned") ?? true;
        var purchased = r.Int("seatsPurchased") ?? 0;
        var assigned = r.Int("seatsAssigned") ?? 0;
        var endsAt = r.Time("endsAt");
        return (object?)r.Error ?? new SubscriptionRecord(line, id, tenant, product!, channel, state, provisioned, purchased, assigned, endsAt);
    }

    private static object Usage(long line, ImportFields f)
    {
        var r = new Reader(line, f);
        var tenant = r.Guid("tenantId", ErrorCodes.TenantIdInvalid);
        var product = r.Text("productId", 80);
        Guid? subscription = f.Text("subscriptionId") is null ? null : r.Guid("subscriptionId", ErrorCodes.SubscriptionIdInvalid);
        var month = r.Month("month");
        var active = r.Int("activeUsers") ?? 0;
        var enabled = r.Int("enabledUsers") ?? 0;
        var purchased = r.Int("seatsPurchased");
        var assigned = r.Int("seatsAssigned");
        return (object?)r.Error ?? new UsageRecord(line, tenant, product!, subscription, month, active, enabled, purchased, assigned);
    }

    private static object Dpor(long line, ImportFields f)
    {
        var r = new Reader(line, f);
        var subscription = r.Guid("subscriptionId", ErrorCodes.SubscriptionIdInvalid);
        var partner = r.Text("partnerOrgId", 40);
        return (object?)r.Error ?? new DporRecord(line, subscription, partner!);
    }

    private static object LegacyAssociation(long line, ImportFields f)
    {
        var r = new Reader(line, f);
        var partner = r.Text("partnerOrgId", 40);
        var mpn = r.Text("mpnId", 10);
        if (mpn is not null && !ClaimValidator.IsMpnId(mpn))
        {
            r.Fail(ErrorCodes.MpnIdInvalid, "mpnId", mpn);
        }

        var tenant = r.Guid("tenantId", ErrorCodes.TenantIdInvalid);
        var product = r.Text("productId", 80);
        // Legacy associations are per subscription (Dynamics 365 / Power Platform): it is required.
        var subscription = r.Guid("subscriptionId", ErrorCodes.SubscriptionIdInvalid);
        var activity = r.Enum<Activity>("activity", ErrorCodes.ActivityInvalid);
        var activeFrom = r.Time("activeFrom");
        if (activeFrom is null && f.Text("activeFrom") is null)
        {
            r.Fail(ErrorCodes.ValueRequired, "activeFrom");
        }

        var name = r.Text("name", ClaimValidator.MaxNameLength, required: false);
        return (object?)r.Error ?? new LegacyAssociationRecord(line, partner!, mpn!, tenant, product!, subscription, activity, activeFrom!.Value, name);
    }

    /// <summary>Reads typed fields, remembering the first problem.</summary>
    private sealed class Reader(long line, ImportFields f)
    {
        public RejectedLine? Error { get; private set; }

        public void Fail(string code, string field, params object[] args) => Error ??= new RejectedLine(line, code, field, args);

        public string? Text(string name, int max, bool required = true)
        {
            var value = f.Text(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    Fail(ErrorCodes.ValueRequired, name);
                }

                return null;
            }

            if (value.Length > max)
            {
                Fail(ErrorCodes.ValueTooLong, name, max);
                return null;
            }

            if (value.Any(char.IsControl))
            {
                Fail(ErrorCodes.ValueInvalid, name);
                return null;
            }

            return value;
        }

        public Guid Guid(string name, string code)
        {
            var value = f.Text(name);
            if (value is null)
            {
                Fail(ErrorCodes.ValueRequired, name);
                return default;
            }

            if (System.Guid.TryParseExact(value.Trim(), "D", out var id))
            {
                return id;
            }

            Fail(code, name, value);
            return default;
        }

        public TEnum Enum<TEnum>(string name, string invalidCode = ErrorCodes.ValueInvalid)
            where TEnum : struct, Enum
        {
            var value = f.Text(name);
            if (value is not null && System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed)
                && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            {
                return parsed;
            }

            Fail(value is null ? ErrorCodes.ValueRequired : invalidCode, name, value ?? "");
            return default;
        }

        public bool? Bool(string name)
        {
            var value = f.Text(name);
            if (value is null)
            {
                return null;
            }

            if (bool.TryParse(value.Trim(), out var parsed))
            {
                return parsed;
            }

            Fail(ErrorCodes.ValueInvalid, name, value);
            return null;
        }

        public int? Int(string name)
        {
            var value = f.Text(name);
            if (value is null)
            {
                return null;
            }

            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            Fail(ErrorCodes.ValueInvalid, name, value);
            return null;
        }

        public DateTimeOffset? Time(string name)
        {
            var value = f.Text(name);
            if (value is null)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed.ToUniversalTime();
            }

            Fail(ErrorCodes.DateInvalid, name, value);
            return null;
        }

        public DateOnly Month(string name)
        {
            var value = f.Text(name);
            if (value is not null && DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                return month;
            }

            Fail(value is null ? ErrorCodes.ValueRequired : ErrorCodes.MonthInvalid, name, value ?? "");
            return default;
        }
    }
}
