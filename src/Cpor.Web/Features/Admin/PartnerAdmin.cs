using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Admin;

public sealed record CreatePartnerRequest(string? Name);

public sealed record PartnerResponse(string Id, string Name);

public sealed record MpnRequest(string? MpnId, string? Name, IReadOnlyList<string>? Programs);

public sealed record MpnEnrolmentRequest(IReadOnlyList<string>? Programs);

public sealed record MpnResponse(string MpnId, string PartnerOrgId, string Name, IReadOnlyList<string> Programs);

/// <summary>Partner organisations and their MPN IDs with program enrolments.</summary>
public sealed class PartnerAdmin(CporDb db, CurrentUser caller, TimeProvider time, EligibilityEvaluator evaluator)
{
    public async Task<Outcome<PartnerResponse>> CreateAsync(CreatePartnerRequest request, CancellationToken ct)
    {
        if (!caller.IsProgramAdmin)
        {
            return CommonErrors.Forbidden;
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return new DomainError(ErrorCodes.ValueRequired, "name");
        }

        if (!FreeText.IsValidLine(name))
        {
            return new DomainError(name.Length > FreeText.MaxLineLength ? ErrorCodes.ValueTooLong : ErrorCodes.ValueInvalid, "name", FreeText.MaxLineLength);
        }

        if (await db.PartnerOrgs.AnyAsync(p => p.Name == name, ct))
        {
            return new DomainError(ErrorCodes.PartnerNameTaken, "name", name);
        }

        var now = time.GetUtcNow();
        var org = new PartnerOrg { Id = Ids.New("org", now), Name = name, CreatedAt = now };
        db.PartnerOrgs.Add(org);
        await db.SaveChangesAsync(ct);
        return new PartnerResponse(org.Id, org.Name);
    }

    public async Task<Outcome<IReadOnlyList<PartnerResponse>>> ListAsync(CancellationToken ct)
    {
        if (!caller.IsProgramAdmin && !caller.IsReviewer)
        {
            return caller.IsPartner
                ? await db.PartnerOrgs.AsNoTracking().Where(p => p.Id == caller.PartnerOrgId).Select(p => new PartnerResponse(p.Id, p.Name)).ToListAsync(ct)
                : CommonErrors.Forbidden;
        }

        return await db.PartnerOrgs.AsNoTracking().OrderBy(p => p.Name).Select(p => new PartnerResponse(p.Id, p.Name)).ToListAsync(ct);
    }

    public async Task<Outcome<MpnResponse>> AddMpnAsync(string partnerOrgId, MpnRequest request, CancellationToken ct)
    {
        if (!await MayManageAsync(partnerOrgId, ct))
        {
            return await db.PartnerOrgs.AnyAsync(p => p.Id == partnerOrgId, ct) && caller.IsPartner && caller.PartnerOrgId == partnerOrgId
                ? CommonErrors.Forbidden
                : CommonErrors.NotFound;
        }

        var errors = new List<DomainError>();
        var mpnId = request.MpnId?.Trim();
        if (string.IsNullOrEmpty(mpnId))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "mpnId"));
        }
        else if (!ClaimValidator.IsMpnId(mpnId))
        {
            errors.Add(new DomainError(ErrorCodes.MpnIdInvalid, "mpnId"));
        }

        var name = request.Name?.Trim() ?? "";
        if (!FreeText.IsValidLine(name))
        {
            errors.Add(new DomainError(ErrorCodes.ValueInvalid, "name"));
        }

        var programs = ProgramsOf(request.Programs, errors);
        if (errors.Count > 0)
        {
            return Outcome<MpnResponse>.Failure(errors);
        }

        if (await db.PartnerLocations.AnyAsync(l => l.MpnId == mpnId, ct))
        {
            return new DomainError(ErrorCodes.MpnIdTaken, "mpnId", mpnId!);
        }

        var location = new PartnerLocation { MpnId = mpnId!, PartnerOrgId = partnerOrgId, Name = name, Programs = programs, CreatedAt = time.GetUtcNow() };
        db.PartnerLocations.Add(location);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.UniqueViolation(e) is not null)
        {
            return new DomainError(ErrorCodes.MpnIdTaken, "mpnId", mpnId!);
        }

        return ToResponse(location);
    }

    public async Task<Outcome<MpnResponse>> SetEnrolmentAsync(string partnerOrgId, string mpnId, MpnEnrolmentRequest request, CancellationToken ct)
    {
        if (!await MayManageAsync(partnerOrgId, ct))
        {
            return CommonErrors.NotFound;
        }

        var location = await db.PartnerLocations.SingleOrDefaultAsync(l => l.MpnId == mpnId && l.PartnerOrgId == partnerOrgId, ct);
        if (location is null)
        {
            return CommonErrors.NotFound;
        }

        var errors = new List<DomainError>();
        var programs = ProgramsOf(request.Programs, errors);
        if (errors.Count > 0)
        {
            return Outcome<MpnResponse>.Failure(errors);
        }

        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        location.Programs = programs;
        await db.SaveChangesAsync(ct);
        // Enrolments are facts of eligibility (CPOR.md §10): the MPN ID's Active associations are evaluated again.
        await evaluator.ReevaluateAsync(db, db.Associations.Where(a => a.MpnId == mpnId && a.PartnerOrgId == partnerOrgId), ct);
        await uow.CommitAsync(ct);
        return ToResponse(location);
    }

    public async Task<Outcome<IReadOnlyList<MpnResponse>>> ListMpnsAsync(string partnerOrgId, CancellationToken ct)
    {
        var visible = caller.IsProgramAdmin || caller.IsReviewer || (caller.IsPartner && caller.PartnerOrgId == partnerOrgId);
        if (!visible || !await db.PartnerOrgs.AnyAsync(p => p.Id == partnerOrgId, ct))
        {
            return CommonErrors.NotFound;
        }

        var rows = await db.PartnerLocations.AsNoTracking().Where(l => l.PartnerOrgId == partnerOrgId).OrderBy(l => l.MpnId).ToListAsync(ct);
        return rows.Select(ToResponse).ToList();
    }

    /// <summary>Program admins manage every organisation; a partner's global admin manages its own MPN enrolment.</summary>
    private async Task<bool> MayManageAsync(string partnerOrgId, CancellationToken ct) =>
        (caller.IsProgramAdmin || (caller.IsPartner && caller.Has(Roles.GlobalAdmin) && caller.PartnerOrgId == partnerOrgId))
        && await db.PartnerOrgs.AnyAsync(p => p.Id == partnerOrgId, ct);

    private static List<string> ProgramsOf(IReadOnlyList<string>? programs, List<DomainError> errors)
    {
        var result = new List<string>();
        foreach (var program in programs ?? [])
        {
            if (ProgramIds.All.Contains(program))
            {
                if (!result.Contains(program))
                {
                    result.Add(program);
                }
            }
            else
            {
                errors.Add(new DomainError(ErrorCodes.ProgramInvalid, "programs", program ?? ""));
            }
        }

        return result;
    }

    private static MpnResponse ToResponse(PartnerLocation l) => new(l.MpnId, l.PartnerOrgId, l.Name, l.Programs);
}
