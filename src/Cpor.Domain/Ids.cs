using System.Buffers.Binary;

namespace Cpor.Domain;

/// <summary>
/// Opaque identifiers of our own records: a short prefix and a time-ordered UUIDv7, so that
/// ordering by id is ordering by creation time (stable list cursors).
/// </summary>
public static class Ids
{
    // Enough recent milliseconds for clocks that jump about (tests); real time only moves on.
    private const int RememberedMilliseconds = 4096;

    /// <summary>
    /// The longest id we ever issue (a prefix, '_' and 32 hex digits fit well within it). A longer
    /// one cannot exist, so it is answered as not found without a database round trip.
    /// </summary>
    public const int MaxLength = 40;

    /// <summary>Could be one of our ids: not longer than any we issue.</summary>
    public static bool MayExist(string id) => id.Length <= MaxLength;
    private static readonly Lock Gate = new();
    private static readonly Dictionary<long, UInt128> LastByMillisecond = [];

    public static string New(string prefix, DateTimeOffset now) => $"{prefix}_{Next(now):N}";

    /// <summary>
    /// A UUIDv7 for <paramref name="now"/>. Within one millisecond the random bits alone would
    /// order ids at random (two comments posted together could list in either order), so an id
    /// created in the same millisecond as an earlier one is that one plus one, as RFC 9562 §6.2
    /// allows. The random part has 62 bits: carrying into the variant bits would take billions of
    /// ids in one millisecond.
    /// </summary>
    private static Guid Next(DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var millisecond = now.ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        lock (Gate)
        {
            if (LastByMillisecond.TryGetValue(millisecond, out var last) && value <= last)
            {
                value = last + 1;
                BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
                id = new Guid(bytes, bigEndian: true);
            }
            else if (LastByMillisecond.Count >= RememberedMilliseconds && !LastByMillisecond.ContainsKey(millisecond))
            {
                LastByMillisecond.Clear();
            }

            LastByMillisecond[millisecond] = value;
        }

        return id;
    }
}
