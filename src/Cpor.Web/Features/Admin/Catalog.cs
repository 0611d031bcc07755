using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Admin;

public sealed record ActivityResponse(Activity Id, SolutionArea SolutionArea, string? ProgramId, UnitKind ExclusivityUnit, bool Pays);

public sealed record ProgramResponse(string Id, string Name, int ConsentWindowDays);

public sealed record ProductResponse(string Id, SolutionArea SolutionArea, string Name, bool RequiresTechnicalContact, bool Active);

public sealed record CatalogResponse(
    IReadOnlyList<SolutionArea> SolutionAreas,
    IReadOnlyList<ActivityResponse> Activities,
    IReadOnlyList<ProgramResponse> Programs,
    IReadOnlyList<ProductResponse> Products);

public sealed record ProductRequest(string? SolutionArea, string? Name, bool? RequiresTechnicalContact, bool? Active);

public sealed record ProgramRequest(string? Name, int? ConsentWindowDays);

/// <summary>The catalog of CPOR.md §3: fixed activity table, editable programs and products.</summary>
public sealed class Catalog(CporDb db, CurrentUser caller)
{
    public async Task<CatalogResponse> GetAsync(CancellationToken ct)
    {
        var activities = Enum.GetValues<SolutionArea>()
            .SelectMany(area => Enum.GetValues<Activity>().Where(a => ActivityRules.IsOffered(area, a))
                .Select(a => new ActivityResponse(a, area, ActivityRules.ProgramFor(area, a), ActivityRules.UnitFor(area), ActivityRules.ProgramFor(area, a) is not null)))
            .ToList();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => new ProgramResponse(p.Id, p.Name, p.ConsentWindowDays)).ToListAsync(ct);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.SolutionArea).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new ProductResponse(p.Id, p.SolutionArea, p.Name, p.RequiresTechnicalContact, p.Active)).ToListAsync(ct);
        return new CatalogResponse(Enum.GetValues<SolutionArea>(), activities, programs, products);
    }

    /// <summary>Adds or changes a product; products are never deleted (claims name them), only deactivated.</summary>
    public async Task<Outcome<ProductResponse>> PutProductAsync(string productId, ProductRequest request, CancellationToken ct)
    {
        if (!caller.IsProgramAdmin)
        {
            return CommonErrors.Forbidden;
        }

        var errors = new List<DomainError>();
        if (productId.Length is 0 or > 80 || !productId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add(new DomainError(ErrorCodes.ProductIdInvalid, "productId", productId));
        }

        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == productId, ct);
        SolutionArea? area = product?.SolutionArea;
        if (request.SolutionArea is not null)
        {
            if (Enum.TryParse<SolutionArea>(request.SolutionArea, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(request.SolutionArea, out _))
            {
                area = parsed;
            }
            else
            {
                errors.Add(new DomainError(ErrorCodes.SolutionAreaInvalid, "solutionArea", request.SolutionArea));
            }
        }
        else if (area is null)
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "solutionArea"));
        }

        var name = request.Name?.Trim() ?? product?.Name;
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "name"));
        }
        else if (!FreeText.IsValidLine(name))
        {
            errors.Add(new DomainError(ErrorCodes.ValueInvalid, "name"));
        }

        if (product is not null && area != product.SolutionArea && await db.ClaimProducts.AnyAsync(p => p.ProductId == productId, ct))
        {
            // Moving a claimed product to the other solution area would invalidate existing claims.
            errors.Add(new DomainError(ErrorCodes.FieldNotEditable, "solutionArea"));
        }

        if (errors.Count > 0)
        {
            return Outcome<ProductResponse>.Failure(errors);
        }

        if (product is null)
        {
            product = new Product { Id = productId, SortOrder = 1000 };
            db.Products.Add(product);
        }

        product.SolutionArea = area!.Value;
        product.Name = name!;
        product.RequiresTechnicalContact = request.RequiresTechnicalContact ?? product.RequiresTechnicalContact;
        product.Active = request.Active ?? product.Active;
        await db.SaveChangesAsync(ct);
        return new ProductResponse(product.Id, product.SolutionArea, product.Name, product.RequiresTechnicalContact, product.Active);
    }

    public async Task<Outcome<ProgramResponse>> PutProgramAsync(string programId, ProgramRequest request, CancellationToken ct)
    {
        if (!caller.IsProgramAdmin)
        {
            return CommonErrors.Forbidden;
        }

        var program = await db.Programs.SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return CommonErrors.NotFound;
        }

        if (request.ConsentWindowDays is < 1 or > 90)
        {
            return new DomainError(ErrorCodes.ValueInvalid, "consentWindowDays", 1, 90);
        }

        var name = request.Name?.Trim();
        if (name is not null && (name.Length == 0 || !FreeText.IsValidLine(name)))
        {
            return new DomainError(ErrorCodes.ValueInvalid, "name");
        }

        program.Name = name ?? program.Name;
        program.ConsentWindowDays = request.ConsentWindowDays ?? program.ConsentWindowDays;
        await db.SaveChangesAsync(ct);
        return new ProgramResponse(program.Id, program.Name, program.ConsentWindowDays);
    }
}
