using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// Opaque list cursors: the sort that produced the page and the last item's sort value and id.
/// A cursor from another sort, or one that was tampered with, is refused.
/// </summary>
public sealed record Cursor(string Sort, string? Value, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Sort, Value, Id })));

    public static bool TryDecode(string? text, string expectedSort, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var parts = JsonSerializer.Deserialize<string?[]>(Base64Url.DecodeFromChars(text));
            if (parts is [{ } sort, var value, { } id] && sort == expectedSort)
            {
                cursor = new Cursor(sort, value, id);
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        return false;
    }
}
