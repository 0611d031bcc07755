using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>What <c>/api/v1/auth/login</c> answers: a bearer token for the API.</summary>
public sealed record AccessTokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>Who the caller is, for scripts and the UI.</summary>
public sealed record MeResponse(string Id, string Email, string Name, IReadOnlyList<string> Roles, string? PartnerOrgId, Guid? TenantId, string Language, string TimeZone);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/auth").WithTags("Auth");

        group.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithSummary("Exchange e-mail and password for a bearer token")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/refresh", RefreshAsync)
            .AllowAnonymous()
            .WithSummary("Exchange a refresh token for a new bearer token")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        routes.MapGet("/api/v1/me", (CurrentUser user) => TypedResults.Ok(new MeResponse(
                user.Id, user.Email, user.Name, [.. user.Roles.Order()], user.PartnerOrgId, user.TenantId, user.Language, user.TimeZone)))
            .RequireAuthorization(Policies.Api)
            .WithTags("Auth")
            .WithSummary("The signed-in user, roles and organisation or tenant");
        return group;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, SignInManager<CporUser> signIn, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return new[]
            {
                new DomainError(ErrorCodes.ValueRequired, string.IsNullOrWhiteSpace(request.Email) ? "email" : "password"),
            }.ToProblem(http);
        }

        // The bearer handler writes { tokenType, accessToken, expiresIn, refreshToken } itself.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty;
        }

        return new DomainError(result.IsLockedOut ? ErrorCodes.RateLimited : ErrorCodes.InvalidCredentials).ToProblem(http);
    }

    private static async Task<IResult> RefreshAsync(
        RefreshRequest request, SignInManager<CporUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, HttpContext http)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return new DomainError(ErrorCodes.Unauthorized).ToProblem(http);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
