namespace Cpor.Domain.Tests;

public class IdsTests
{
    [Fact]
    public void New_ManyInTheSameMillisecond_SortInCreationOrder()
    {
        var now = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 1000).Select(_ => Ids.New("cmt", now)).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void New_AreVersion7Uuids_CarryingTheirMillisecond()
    {
        var now = new DateTimeOffset(2026, 11, 16, 9, 0, 0, 123, TimeSpan.Zero);

        var id = Guid.ParseExact(Ids.New("clm", now)["clm_".Length..], "N");

        Assert.Equal(7, id.Version);
        Assert.Equal(now.ToUnixTimeMilliseconds(), Convert.ToInt64(id.ToString("N")[..12], 16));
    }

    [Fact]
    public void New_ALaterMillisecond_SortsAfter_AndAnEarlierOneBefore()
    {
        var now = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

        var first = Ids.New("x", now);
        var later = Ids.New("x", now.AddMilliseconds(1));
        var earlier = Ids.New("x", now.AddMilliseconds(-1));

        Assert.True(string.CompareOrdinal(first, later) < 0);
        Assert.True(string.CompareOrdinal(earlier, first) < 0);
    }

    [Fact]
    public void New_BackInAMillisecondAfterAnother_StillSortsAfterThatMillisecondsEarlierIds()
    {
        var now = new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

        // Random bits would get this right half of the time: fifty tries make luck impossible.
        var pairs = Enumerable.Range(0, 50).Select(_ =>
        {
            var first = Ids.New("cmt", now);
            Ids.New("cmt", now.AddDays(7)); // another clock, elsewhere in the process
            return (first, second: Ids.New("cmt", now));
        }).ToList();

        Assert.All(pairs, p => Assert.True(string.CompareOrdinal(p.first, p.second) < 0));
    }
}
