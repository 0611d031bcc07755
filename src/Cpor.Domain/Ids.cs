namespace Cpor.Domain;

/// <summary>
/// Opaque identifiers of our own records: a short prefix and a time-ordered UUIDv7, so that
/// ordering by id is ordering by creation time (stable list cursors).
/// </summary>
public static class Ids
{
    public static string New(string prefix, DateTimeOffset now) => $"{prefix}_{Guid.CreateVersion7(now):N}";
}
