using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cpor.Web.Infrastructure;

/// <summary>API.md: times are ISO-8601 in UTC with a Z (<c>2026-11-20T14:03:00Z</c>), whatever offset they were read with.</summary>
public sealed class UtcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
