using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Features.Auth;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Consent;
using Cpor.Web.Features.Directory;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Features.Operations;
using Cpor.Web.Features.Review;
using Cpor.Web.Features.Scheduler;
using Cpor.Web.Infrastructure;
using Cpor.Web.Pages;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var connectionString = configuration.GetConnectionString("Default");
var options = configuration.GetSection(CporOptions.Section).Get<CporOptions>() ?? new CporOptions();

// Settings and clock.
builder.Services.Configure<CporOptions>(configuration.GetSection(CporOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped(sp => new CurrentUser(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new ClaimsPrincipal()));

// Requests: bodies up to one PoE file (the import endpoint lifts its own limit), JSON as API.md says.
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.Attachments.MaxBytes + (1024 * 1024));
builder.Services.Configure<JsonOptions>(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.Converters.Add(new UtcTimeJsonConverter());
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<UnexpectedErrorHandler>();

// Languages: en, fr, it from ?culture=, the language cookie or Accept-Language.
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    o.SetDefaultCulture(Languages.Default).AddSupportedCultures([.. Languages.Supported]).AddSupportedUICultures([.. Languages.Supported]);
    o.FallBackToParentCultures = true;
    o.FallBackToParentUICultures = true;
    o.ApplyCurrentCultureToResponseHeaders = true;
});

// Database.
builder.Services.AddDbContext<CporDb>(o => o.UseNpgsql(connectionString ?? "Host=unconfigured"));

// Identity: bearer tokens for the API, cookies for the browser.
builder.Services.AddIdentityApiEndpoints<CporUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 10;
        o.Lockout.MaxFailedAccessAttempts = 10;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<CporDb>()
    .AddClaimsPrincipalFactory<CporClaimsPrincipalFactory>();
builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = options.Security.PasswordHashIterations);
builder.Services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(
    IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(options.Security.AccessTokenMinutes));
builder.Services.AddAuthorization(Policies.Add);
// The key ring lives in PostgreSQL, shared by every instance; optionally encrypted at rest.
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("cpor").PersistKeysToDbContext<CporDb>();
if (!string.IsNullOrWhiteSpace(options.DataProtection.CertificatePath))
{
    var password = options.DataProtection.CertificatePassword;
    dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.DataProtection.CertificatePath, password));
    dataProtection.UnprotectKeysWithAnyCertificate([.. options.DataProtection.PreviousCertificatePaths.Select(p => X509CertificateLoader.LoadPkcs12FromFile(p, password))]);
}

// Features.
builder.Services.AddClaimsFeature();
builder.Services.AddAdminFeature();
builder.Services.AddDirectoryFeature();
builder.Services.AddAssociationsFeature();
builder.Services.AddOperationsFeature();
builder.Services.AddReviewFeature();
builder.Services.AddConsentFeature();
builder.Services.AddNotificationsFeature();
builder.Services.AddSchedulerFeature();
builder.Services.AddOpenApiDocument();
builder.AddCporTelemetry();

// Web UI: Razor Pages with the Identity cookie, antiforgery and the culture cookie (Pages/WebUi.cs).
builder.Services.AddWebUi();

var app = builder.Build();

if (args.Contains("--print-schema"))
{
    // Writes the schema EF would create: the starting point of a new migration script.
    using var scope = app.Services.CreateScope();
    Console.WriteLine(scope.ServiceProvider.GetRequiredService<CporDb>().Database.GenerateCreateScript());
    return;
}

if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("No database: set ConnectionStrings__Default, or start the product with `make run`.");
    Environment.ExitCode = 2;
    return;
}

await StartupTasks.RunAsync(app.Services, connectionString);

app.UseRequestLog();
app.UseSecurityHeaders();
// The language first: the problems written by the exception handler and the status pages are
// localized too (the culture set further in does not flow back out to them).
app.UseRequestLocalization();
app.UseExceptionHandler("/Status");
app.UseStatusCodePages(ApiStatusPages.WriteAsync);
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.Use(Idempotency.HashBodyAsync);

app.MapOperationsEndpoints();
app.MapMetricsEndpoint();
app.MapApiDocs();
// The API: a GET with a query parameter its endpoint does not know is refused (unknown_parameter).
var api = app.MapGroup("").RefusingUnknownQuery();
api.MapAuthEndpoints();
api.MapClaimEndpoints();
api.MapAdminEndpoints();
api.MapDirectoryEndpoints();
api.MapAssociationEndpoints();
api.MapReviewEndpoints();
api.MapConsentEndpoints();
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app.Services));
app.Run();

/// <summary>Entry point; public for the in-process API tests.</summary>
public partial class Program;
