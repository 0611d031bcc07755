namespace Cpor.Domain.Tests;

public class ExclusivityTests
{
    private static readonly ResolvedProduct Teams = new("teams", null, "Usage:w:t:teams", UnitKind.Workload);
    private static readonly ResolvedProduct Sales = new("dynamics-365-sales", Guid.Empty, "Usage:s:x", UnitKind.Subscription);

    [Fact]
    public void Check_SameOrganisationOpenClaim_IsAlreadyClaimed()
    {
        var (error, _) = Exclusivity.Check("org-a", null, [Teams], [new UnitOccupant(Teams.UnitKey, "c1", "org-a", ClaimStatus.Draft)]);

        Assert.Equal(ErrorCodes.WorkloadAlreadyClaimed, error?.Code);
    }

    [Fact]
    public void Check_SameOrganisationSubscription_IsSubscriptionAlreadyClaimed()
    {
        var (error, _) = Exclusivity.Check("org-a", null, [Sales], [new UnitOccupant(Sales.UnitKey, "c1", "org-a", ClaimStatus.Active)]);

        Assert.Equal(ErrorCodes.SubscriptionAlreadyClaimed, error?.Code);
    }

    [Fact]
    public void Check_ClosedClaimsAndTheClaimItself_DoNotCount()
    {
        var occupants = new[]
        {
            new UnitOccupant(Teams.UnitKey, "c1", "org-a", ClaimStatus.Rejected),
            new UnitOccupant(Teams.UnitKey, "c2", "org-a", ClaimStatus.Ended),
            new UnitOccupant(Teams.UnitKey, "self", "org-a", ClaimStatus.Submitted),
        };

        var (error, competing) = Exclusivity.Check("org-a", "self", [Teams], occupants);

        Assert.Null(error);
        Assert.False(competing);
    }

    [Fact]
    public void Check_AnotherOrganisation_MakesTheClaimCompeting()
    {
        var (error, competing) = Exclusivity.Check("org-a", null, [Teams], [new UnitOccupant(Teams.UnitKey, "c1", "org-b", ClaimStatus.Active)]);

        Assert.Null(error);
        Assert.True(competing);
    }
}
