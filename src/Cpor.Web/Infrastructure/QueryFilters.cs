using System.Globalization;
using Cpor.Domain;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Reads list filters from a query string. A value that does not parse is not ignored: it becomes
/// a <c>filter_invalid</c> error on its parameter name, collected in <see cref="Errors"/>.
/// </summary>
public sealed class QueryFilters(IQueryCollection query)
{
    public List<DomainError> Errors { get; } = [];

    /// <summary>The trimmed value, or null when absent or blank; longer than <paramref name="maxLength"/> is an error.</summary>
    public string? Text(string name, int maxLength = 200)
    {
        var value = query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;
        if (value?.Length > maxLength)
        {
            Errors.Add(new DomainError(ErrorCodes.FilterInvalid, name, value[..20]));
            return null;
        }

        return value;
    }

    public Guid? Guid(string name)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }

        if (System.Guid.TryParseExact(value, "D", out var parsed))
        {
            return parsed;
        }

        Errors.Add(new DomainError(ErrorCodes.FilterInvalid, name, value));
        return null;
    }

    public bool? Bool(string name)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        Errors.Add(new DomainError(ErrorCodes.FilterInvalid, name, value));
        return null;
    }

    public DateTimeOffset? Time(string name)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        Errors.Add(new DomainError(ErrorCodes.FilterInvalid, name, value));
        return null;
    }

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }

        if (TryParseName<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Errors.Add(new DomainError(ErrorCodes.FilterInvalid, name, value));
        return null;
    }

    /// <summary>Every value of a repeatable, comma-separated filter (<c>status=Submitted,InReview</c>); <paramref name="allowed"/> narrows the members accepted.</summary>
    public List<TEnum> Enums<TEnum>(string name, Func<TEnum, bool>? allowed = null)
        where TEnum : struct, Enum
    {
        var result = new List<TEnum>();
        foreach (var value in query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (TryParseName<TEnum>(value, out var parsed) && (allowed?.Invoke(parsed) ?? true))
            {
                result.Add(parsed);
            }
            else
            {
                Errors.Add(new DomainError(ErrorCodes.FilterInvalid, name, value));
            }
        }

        return result;
    }

    /// <summary>Member names only: "1" must not pass for the second member.</summary>
    private static bool TryParseName<TEnum>(string value, out TEnum parsed)
        where TEnum : struct, Enum =>
        System.Enum.TryParse(value, out parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _);
}
