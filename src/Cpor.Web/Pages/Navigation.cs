using Cpor.Web.Infrastructure;

namespace Cpor.Web.Pages;

/// <summary>A link of the main navigation: its text's key in UiText and where it goes.</summary>
public sealed record NavItem(string TextKey, string Href);

/// <summary>
/// The main navigation, by role: each side of the program sees the pages it works with. A new area
/// adds its links here (reviewers' queue, customers' consent pages...).
/// </summary>
public static class Navigation
{
    /// <param name="user">Who is signed in.</param>
    /// <param name="mailbox">E-mails go to the pickup folder, which program admins can read in the UI.</param>
    public static IReadOnlyList<NavItem> For(CurrentUser user, bool mailbox = false)
    {
        var items = new List<NavItem>();
        if (user.IsPartner)
        {
            items.Add(new("nav.claims", "/Partner/Claims"));
            if (ClaimPermissions.CanCreate(user))
            {
                items.Add(new("nav.newClaim", "/Partner/Claims/New"));
            }

            items.Add(new("nav.associations", "/Associations"));
            items.Add(new("nav.earnings", "/Associations/Earnings"));

            if (user.Has(Roles.GlobalAdmin))
            {
                items.Add(new("nav.organisation", "/Admin/Partners/" + Uri.EscapeDataString(user.PartnerOrgId!)));
                items.Add(new("nav.users", "/Admin/Users"));
            }
        }

        if (user.IsReviewer)
        {
            items.Add(new("nav.reviewQueue", "/Review"));
            items.Add(new("nav.associations", "/Associations"));
            items.Add(new("nav.review.sla", "/Review/Sla"));
        }

        if (user.IsProgramAdmin)
        {
            items.Add(new("nav.partners", "/Admin/Partners"));
            items.Add(new("nav.users", "/Admin/Users"));
            items.Add(new("nav.directory", "/Admin/Directory"));
            items.Add(new("nav.calendar", "/Admin/Calendar"));
            if (mailbox)
            {
                items.Add(new("nav.mailbox", "/Admin/Mailbox"));
            }
        }

        if (user.IsCustomerAdmin)
        {
            items.Add(new("nav.tenantClaims", "/Customer"));
        }

        if (items.Count == 0 && user.IsAuthenticated)
        {
            items.Add(new("nav.home", WebUi.HomePage));
        }

        return items;
    }

    /// <summary>True when the page at <paramref name="path"/> belongs to the link (the link itself, or a page under it).</summary>
    public static bool IsCurrent(NavItem item, PathString path, IReadOnlyList<NavItem> all) =>
        path.StartsWithSegments(item.Href, StringComparison.OrdinalIgnoreCase)
        && !all.Any(other => other != item && other.Href.Length > item.Href.Length && path.StartsWithSegments(other.Href, StringComparison.OrdinalIgnoreCase));
}
