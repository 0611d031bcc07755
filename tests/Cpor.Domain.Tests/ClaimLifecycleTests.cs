namespace Cpor.Domain.Tests;

public class ClaimLifecycleTests
{
    /// <summary>Every allowed transition of CPOR.md §5; any pair not listed must be refused.</summary>
    private static readonly Dictionary<(ClaimStatus, ClaimAction), ClaimStatus> Allowed = new()
    {
        [(ClaimStatus.Draft, ClaimAction.Submit)] = ClaimStatus.Submitted,
        [(ClaimStatus.Draft, ClaimAction.Withdraw)] = ClaimStatus.Rejected,
        [(ClaimStatus.Submitted, ClaimAction.StartReview)] = ClaimStatus.InReview,
        [(ClaimStatus.Submitted, ClaimAction.Withdraw)] = ClaimStatus.Rejected,
        [(ClaimStatus.InReview, ClaimAction.RequestInfo)] = ClaimStatus.PartnerActionRequired,
        [(ClaimStatus.InReview, ClaimAction.Approve)] = ClaimStatus.Approved,
        [(ClaimStatus.InReview, ClaimAction.Reject)] = ClaimStatus.Rejected,
        [(ClaimStatus.InReview, ClaimAction.Withdraw)] = ClaimStatus.Rejected,
        [(ClaimStatus.PartnerActionRequired, ClaimAction.Submit)] = ClaimStatus.Submitted,
        [(ClaimStatus.PartnerActionRequired, ClaimAction.PartnerResponseTimeout)] = ClaimStatus.Rejected,
        [(ClaimStatus.PartnerActionRequired, ClaimAction.Withdraw)] = ClaimStatus.Rejected,
        [(ClaimStatus.Approved, ClaimAction.ConsentWindowEnd)] = ClaimStatus.Active,
        [(ClaimStatus.Approved, ClaimAction.OptOut)] = ClaimStatus.Rejected,
        [(ClaimStatus.Approved, ClaimAction.Withdraw)] = ClaimStatus.Rejected,
        [(ClaimStatus.Approved, ClaimAction.Supersede)] = ClaimStatus.Ended,
        [(ClaimStatus.Active, ClaimAction.EndAssociation)] = ClaimStatus.Ended,
        [(ClaimStatus.Active, ClaimAction.Supersede)] = ClaimStatus.Ended,
        [(ClaimStatus.Active, ClaimAction.Withdraw)] = ClaimStatus.Ended,
        [(ClaimStatus.Rejected, ClaimAction.Dispute)] = ClaimStatus.Disputed,
        [(ClaimStatus.Disputed, ClaimAction.StartReview)] = ClaimStatus.InReview,
        [(ClaimStatus.Disputed, ClaimAction.Approve)] = ClaimStatus.Approved,
        [(ClaimStatus.Disputed, ClaimAction.Reject)] = ClaimStatus.Rejected,
        [(ClaimStatus.Disputed, ClaimAction.Withdraw)] = ClaimStatus.Rejected,
    };

    public static TheoryData<ClaimStatus, ClaimAction> EveryPair()
    {
        var data = new TheoryData<ClaimStatus, ClaimAction>();
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            foreach (var action in Enum.GetValues<ClaimAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Target_ForEveryStatusAndAction_IsTheTableEntryOrRefused(ClaimStatus status, ClaimAction action)
    {
        var expected = Allowed.TryGetValue((status, action), out var target) ? target : (ClaimStatus?)null;

        Assert.Equal(expected, ClaimLifecycle.Target(status, action));
    }

    [Fact]
    public void Ended_AcceptsNoAction() =>
        Assert.All(Enum.GetValues<ClaimAction>(), action => Assert.Null(ClaimLifecycle.Target(ClaimStatus.Ended, action)));

    [Theory]
    [InlineData(ClaimStatus.Draft, true)]
    [InlineData(ClaimStatus.Submitted, true)]
    [InlineData(ClaimStatus.InReview, true)]
    [InlineData(ClaimStatus.PartnerActionRequired, true)]
    [InlineData(ClaimStatus.Approved, true)]
    [InlineData(ClaimStatus.Active, true)]
    [InlineData(ClaimStatus.Disputed, true)]
    [InlineData(ClaimStatus.Rejected, false)]
    [InlineData(ClaimStatus.Ended, false)]
    public void IsOpen_CountsEverythingButRejectedAndEnded(ClaimStatus status, bool open) =>
        Assert.Equal(open, ClaimLifecycle.IsOpen(status));

    [Theory]
    [InlineData(ClaimStatus.Draft, "name", true)]
    [InlineData(ClaimStatus.Draft, "tenantId", true)]
    [InlineData(ClaimStatus.Submitted, "mpnId", true)]
    [InlineData(ClaimStatus.Submitted, "products", true)]
    [InlineData(ClaimStatus.Submitted, "customerContact.email", true)]
    [InlineData(ClaimStatus.PartnerActionRequired, "technicalContact", true)]
    [InlineData(ClaimStatus.PartnerActionRequired, "partnerContact.name", true)]
    [InlineData(ClaimStatus.Submitted, "name", false)]
    [InlineData(ClaimStatus.Submitted, "tenantId", false)]
    [InlineData(ClaimStatus.Submitted, "activity", false)]
    [InlineData(ClaimStatus.PartnerActionRequired, "customerDomain", false)]
    [InlineData(ClaimStatus.InReview, "mpnId", false)]
    [InlineData(ClaimStatus.Approved, "products", false)]
    [InlineData(ClaimStatus.Active, "customerContact.name", false)]
    [InlineData(ClaimStatus.Rejected, "mpnId", false)]
    [InlineData(ClaimStatus.Disputed, "mpnId", false)]
    [InlineData(ClaimStatus.Ended, "name", false)]
    public void CanEdit_FollowsTheManagePage(ClaimStatus status, string field, bool editable) =>
        Assert.Equal(editable, ClaimLifecycle.CanEdit(status, field));

    [Fact]
    public void AcceptsAttachments_InEveryStatusButEnded() =>
        Assert.All(Enum.GetValues<ClaimStatus>(), status => Assert.Equal(status != ClaimStatus.Ended, ClaimLifecycle.AcceptsAttachments(status)));
}
