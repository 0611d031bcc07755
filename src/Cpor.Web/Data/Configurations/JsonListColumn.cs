using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

/// <summary>A short list read and written whole, stored as one jsonb value rather than a child table.</summary>
internal static class JsonListColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<TList> IsJsonList<TList, TItem>(this PropertyBuilder<TList> property)
        where TList : class, IEnumerable<TItem> =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                list => Write<TList, TItem>(list),
                json => Read<TList, TItem>(json),
                new ValueComparer<TList>(
                    (a, c) => Write<TList, TItem>(a!) == Write<TList, TItem>(c!),
                    list => Write<TList, TItem>(list).GetHashCode(StringComparison.Ordinal),
                    list => Read<TList, TItem>(Write<TList, TItem>(list))));

    private static string Write<TList, TItem>(TList list)
        where TList : class, IEnumerable<TItem> => JsonSerializer.Serialize(list, Json);

    // The column's CLR type is List<T> or an interface List<T> implements.
    private static TList Read<TList, TItem>(string json)
        where TList : class, IEnumerable<TItem> => (TList)(object)(JsonSerializer.Deserialize<List<TItem>>(json, Json) ?? []);
}
