namespace Cpor.Web.Infrastructure;

/// <summary>What each role may do with claims it can see (CPOR.md §2). Deny by default.</summary>
public static class ClaimPermissions
{
    public static bool CanRead(CurrentUser user) => user.IsReviewer || user.IsPartner;

    public static bool CanCreate(CurrentUser user) => user.IsPartner && user.HasAny(Roles.GlobalAdmin, Roles.IncentivesAdmin);

    public static bool CanSubmit(CurrentUser user) => CanCreate(user);

    /// <summary>Billing admins manage claims: edit, withdraw, comment, dispute.</summary>
    public static bool CanManage(CurrentUser user) => user.IsPartner && user.HasAny(Roles.GlobalAdmin, Roles.IncentivesAdmin, Roles.BillingAdmin);

    public static bool CanComment(CurrentUser user) => CanManage(user) || user.IsReviewer;

    public static bool CanReview(CurrentUser user) => user.IsReviewer;
}
