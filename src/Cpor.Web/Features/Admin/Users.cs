using System.Security.Cryptography;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Admin;

public sealed record CreateUserRequest(
    string? Email, string? Password, IReadOnlyList<string>? Roles, string? PartnerOrgId, string? TenantId, string? Language, string? DisplayName, string? TimeZone);

/// <summary>A user as the admin API shows it; the generated password appears once, at creation.</summary>
public sealed record UserResponse(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? PartnerOrgId, Guid? TenantId, string Language, string TimeZone, string? TemporaryPassword);

/// <summary>
/// Accounts: the roles of CPOR.md §2, each with its scope — partner roles belong to an
/// organisation, the customer admin to a tenant, reviewers and program admins to neither.
/// </summary>
public sealed class Users(CporDb db, UserManager<CporUser> users, CurrentUser caller, TimeProvider time)
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public static async Task EnsureBootstrapAdminAsync(IServiceProvider services, string email, string password, ILogger logger)
    {
        var users = services.GetRequiredService<UserManager<CporUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var admin = new CporUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Program admin",
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The bootstrap admin could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.ProgramAdmin);
        logger.LogInformation("Created the bootstrap program admin {Email}", email);
    }

    public async Task<Outcome<UserResponse>> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var email = request.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "email"));
        }
        else if (!ClaimValidator.IsEmail(email))
        {
            errors.Add(new DomainError(ErrorCodes.EmailInvalid, "email"));
        }

        var roles = (request.Roles ?? []).Select(r => r?.Trim() ?? "").Distinct().ToList();
        if (roles.Count == 0)
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "roles"));
        }

        foreach (var role in roles.Where(r => !Roles.All.Contains(r)))
        {
            errors.Add(new DomainError(ErrorCodes.RoleInvalid, "roles", role));
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? Languages.Default : request.Language.Trim().ToLowerInvariant();
        if (!Languages.IsSupported(language))
        {
            errors.Add(new DomainError(ErrorCodes.LanguageInvalid, "language", language));
        }

        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add(new DomainError(ErrorCodes.ValueInvalid, "timeZone", timeZone));
        }

        Guid? tenantId = null;
        if (!string.IsNullOrWhiteSpace(request.TenantId))
        {
            if (Guid.TryParseExact(request.TenantId.Trim(), "D", out var parsed))
            {
                tenantId = parsed;
            }
            else
            {
                errors.Add(new DomainError(ErrorCodes.TenantIdInvalid, "tenantId"));
            }
        }

        var displayName = request.DisplayName?.Trim();
        if (displayName is not null && !FreeText.IsValidLine(displayName))
        {
            errors.Add(new DomainError(ErrorCodes.ValueInvalid, "displayName"));
        }

        if (errors.Count > 0)
        {
            return Outcome<UserResponse>.Failure(errors);
        }

        var partnerOrgId = string.IsNullOrWhiteSpace(request.PartnerOrgId) ? null : request.PartnerOrgId.Trim();
        if (ScopeError(roles, partnerOrgId, tenantId) is { } scope)
        {
            return scope;
        }

        // A partner's global admin manages the users of its own organisation, with partner roles only.
        var allowed = caller.IsProgramAdmin
            || (caller.Has(Roles.GlobalAdmin) && caller.IsPartner && partnerOrgId == caller.PartnerOrgId && roles.All(Roles.Partner.Contains));
        if (!allowed)
        {
            return CommonErrors.Forbidden;
        }

        if (partnerOrgId is not null && !await db.PartnerOrgs.AnyAsync(p => p.Id == partnerOrgId, ct))
        {
            return new DomainError(ErrorCodes.PartnerNotFound, "partnerOrgId", partnerOrgId);
        }

        if (tenantId is { } tenant && !await db.Tenants.AnyAsync(t => t.Id == tenant, ct))
        {
            return new DomainError(ErrorCodes.TenantNotFound, "tenantId", tenant.ToString("D"));
        }

        if (await users.FindByEmailAsync(email!) is not null)
        {
            return new DomainError(ErrorCodes.EmailTaken, "email", email!);
        }

        var temporary = string.IsNullOrEmpty(request.Password) ? GeneratePassword() : null;
        var user = new CporUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrEmpty(displayName) ? email! : displayName,
            PartnerOrgId = partnerOrgId,
            TenantId = tenantId,
            Language = language,
            TimeZone = timeZone,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password ?? temporary!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? new DomainError(ErrorCodes.PasswordTooWeak, "password", string.Join(" ", created.Errors.Select(e => e.Description)))
                : new DomainError(ErrorCodes.EmailTaken, "email", email!);
        }

        await users.AddToRolesAsync(user, roles);
        return new UserResponse(user.Id, email!, user.DisplayName, roles, partnerOrgId, tenantId, language, timeZone, temporary);
    }

    public async Task<Outcome<IReadOnlyList<UserResponse>>> ListAsync(string? partnerOrgId, CancellationToken ct)
    {
        if (!caller.IsProgramAdmin && !(caller.Has(Roles.GlobalAdmin) && caller.IsPartner))
        {
            return CommonErrors.Forbidden;
        }

        var scope = caller.IsProgramAdmin ? partnerOrgId : caller.PartnerOrgId;
        var query = db.Users.AsNoTracking();
        if (scope is not null)
        {
            query = query.Where(u => u.PartnerOrgId == scope);
        }

        var rows = await query.OrderBy(u => u.Email).Take(1000).ToListAsync(ct);
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              select new { ur.UserId, r.Name }).ToListAsync(ct);
        var rolesByUser = roleRows.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(u => new UserResponse(u.Id, u.Email!, u.DisplayName, [.. rolesByUser[u.Id].Order()], u.PartnerOrgId, u.TenantId, u.Language, u.TimeZone, null)).ToList();
    }

    /// <summary>Partner roles need an organisation, the customer admin a tenant, and no account mixes sides.</summary>
    public static DomainError? ScopeError(IReadOnlyCollection<string> roles, string? partnerOrgId, Guid? tenantId)
    {
        var partner = roles.Any(Roles.Partner.Contains);
        var customer = roles.Contains(Roles.CustomerAdmin);
        var program = roles.Any(r => r is Roles.Reviewer or Roles.ProgramAdmin);
        var sides = (partner ? 1 : 0) + (customer ? 1 : 0) + (program ? 1 : 0);
        var valid = sides == 1
            && (partner == (partnerOrgId is not null))
            && (customer == (tenantId is not null));
        return valid ? null : new DomainError(ErrorCodes.RoleScopeInvalid, "roles");
    }

    private static string GeneratePassword() =>
        "Cp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y') + "9a";
}
