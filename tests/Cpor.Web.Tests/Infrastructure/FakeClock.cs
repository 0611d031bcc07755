namespace Cpor.Web.Tests.Infrastructure;

/// <summary>A clock the test moves by hand. Starts on a Monday morning, UTC.</summary>
public sealed class FakeClock : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    private long _ticks = DefaultStart.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _ticks, at.UtcTicks);
}
