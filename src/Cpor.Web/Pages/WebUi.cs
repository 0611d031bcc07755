using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Cpor.Web.Pages;

/// <summary>
/// The browser UI: server-rendered Razor Pages signed in with the Identity cookie, calling the same
/// use-case handlers as the API. Deny by default: every page needs a signed-in browser except the
/// sign-in, language, status and access-denied pages and the e-mailed opt-out link; each area adds
/// the roles it serves.
/// </summary>
public static class WebUi
{
    public const string PartnerPolicy = "web-partner";
    public const string AdminPolicy = "web-admin";
    public const string ProgramAdminPolicy = "web-program-admin";
    public const string AssociationsPolicy = "web-associations";
    public const string ReviewerPolicy = "web-reviewer";
    public const string CustomerPolicy = "web-customer";

    /// <summary>Where a person lands after signing in.</summary>
    public const string HomePage = "/Home";

    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", Policies.Web);
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Account/Language");
            // The opt-out link of the approval e-mail: the signed token is the credential.
            o.Conventions.AllowAnonymousToPage("/Consent/Link");
            o.Conventions.AuthorizeFolder("/Partner", PartnerPolicy);
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            o.Conventions.AuthorizePage("/Admin/Directory", ProgramAdminPolicy);
            o.Conventions.AuthorizePage("/Admin/Calendar", ProgramAdminPolicy);
            o.Conventions.AuthorizePage("/Admin/Mailbox", ProgramAdminPolicy);
            o.Conventions.AuthorizeFolder("/Associations", AssociationsPolicy);
            o.Conventions.AuthorizeFolder("/Review", ReviewerPolicy);
            o.Conventions.AuthorizeFolder("/Customer", CustomerPolicy);
        });
        services.AddAuthorization(o =>
        {
            o.AddPolicy(PartnerPolicy, p => Signed(p).RequireAssertion(c => new CurrentUser(c.User).IsPartner));
            o.AddPolicy(AdminPolicy, p => Signed(p).RequireAssertion(c => IsAdmin(new CurrentUser(c.User))));
            o.AddPolicy(ProgramAdminPolicy, p => Signed(p).RequireAssertion(c => new CurrentUser(c.User).IsProgramAdmin));
            // As the associations API: partner users (their organisation's) and reviewers (all); nobody else lists any.
            o.AddPolicy(AssociationsPolicy, p => Signed(p).RequireAssertion(c => AssociationReads.CanList(new CurrentUser(c.User))));
            o.AddPolicy(ReviewerPolicy, p => Signed(p).RequireAssertion(c => new CurrentUser(c.User).IsReviewer));
            o.AddPolicy(CustomerPolicy, p => Signed(p).RequireAssertion(c => new CurrentUser(c.User).IsCustomerAdmin));
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cpor.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Lax, not Strict: a link from an e-mail must open the page signed in. Every change is a
            // POST with an antiforgery token, which Lax never sends from another site.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => ApiStatusOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatusOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cpor.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "RequestVerificationToken";
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "cpor.flash";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddScoped<Display>();
        services.AddScoped<Partner.Claims.ClaimFormChoices>();
        services.AddScoped<ClaimViews>();
        return services;
    }

    /// <summary>Program admins, and a partner's global admin for their own organisation.</summary>
    public static bool IsAdmin(CurrentUser user) => user.IsProgramAdmin || (user.IsPartner && user.Has(Roles.GlobalAdmin));

    /// <summary>Remembers the language picked in the culture cookie for a year (it wins over Accept-Language).</summary>
    public static void SetLanguage(HttpContext http, string language) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });

    private static AuthorizationPolicyBuilder Signed(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();

    /// <summary>The API answers with a status (its problem body comes from the status pages); the browser is redirected.</summary>
    private static Task ApiStatusOrRedirect(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = status;
        }
        else
        {
            http.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}
