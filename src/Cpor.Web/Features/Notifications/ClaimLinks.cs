namespace Cpor.Web.Features.Notifications;

/// <summary>
/// Where an e-mail about a claim sends each reader: the page that reader works with (the routes of
/// <c>Pages/Partner/Claims/Claim</c>, <c>Pages/Review/Claim</c>, <c>Pages/Customer/Claim</c>). A
/// reader who is not signed in goes through the sign-in page, which brings them back there.
/// </summary>
public static class ClaimLinks
{
    /// <summary>The local path of the claim's page for <paramref name="audience"/>; null for a customer contact, who has no account (the opt-out link is theirs).</summary>
    public static string? PathFor(Audience audience, string claimId)
    {
        var id = Uri.EscapeDataString(claimId);
        return audience switch
        {
            Audience.Partner => "/Partner/Claims/" + id,
            Audience.Reviewers => "/Review/Claims/" + id,
            Audience.CustomerAdmins => "/Customer/Claims/" + id,
            Audience.CustomerContact => null,
        };
    }
}
