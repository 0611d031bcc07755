using System.Security.Cryptography;

namespace Cpor.Domain;

/// <summary>
/// Opaque identifiers of our own records: a short prefix and a UUIDv7 (RFC 9562) whose 12-bit
/// counter makes ids from one process strictly increasing even within one millisecond, so that
/// ordering by id is ordering by creation (list cursors, comment threads).
/// </summary>
public static class Ids
{
    private static readonly Lock Gate = new();
    private static long _lastMillis;
    private static int _counter;

    public static string New(string prefix, DateTimeOffset now) => $"{prefix}_{NewUuidV7(now):N}";

    private static Guid NewUuidV7(DateTimeOffset now)
    {
        long millis;
        int counter;
        lock (Gate)
        {
            millis = Math.Max(now.ToUnixTimeMilliseconds(), _lastMillis);
            if (millis == _lastMillis)
            {
                if (++_counter > 0xFFF)
                {
                    // 4096 ids in one millisecond: borrow the next millisecond rather than repeat.
                    millis++;
                    _counter = 0;
                }
            }
            else
            {
                _counter = 0;
            }

            _lastMillis = millis;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | ((counter >> 8) & 0x0F)); // version 7 + counter high bits
        bytes[7] = (byte)counter;
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
