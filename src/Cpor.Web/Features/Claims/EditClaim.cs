using System.Text.Json;
using System.Text.Json.Nodes;
using Cpor.Domain;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Claims;

/// <summary>
/// PATCH /api/v1/claims/{id}: a JSON merge patch (RFC 7396) of the partner fields. What may
/// change depends on the status; the result is validated whole, like a new claim.
/// </summary>
public sealed class EditClaim(ClaimCommands commands, IOptions<JsonOptions> json)
{
    private static readonly HashSet<string> PatchableFields =
    [
        "name", "externalId", "mpnId", "tenantId", "customerDomain", "solutionArea", "activity", "products",
        "customerContact", "technicalContact", "partnerContact", "revenueAssociation",
    ];

    public Task<Outcome<Claim>> HandleAsync(string claimId, JsonObject patch, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, new(ClaimPermissions.CanManage) { IfMatch = ifMatch, IfMatchRequired = true }, async (claim, ctx) =>
        {
            var options = json.Value.SerializerOptions;
            if (patch.Select(p => p.Key).FirstOrDefault(k => !PatchableFields.Contains(k)) is { } unknown)
            {
                return [ClaimLifecycle.NotEditable(claim.Status, unknown)];
            }

            var current = JsonSerializer.SerializeToNode(ClaimInput.From(claim), options)!.AsObject();
            // Refuse a field the status locks before looking at its value: "not editable" is the real answer.
            var locked = patch
                .Where(p => !JsonNode.DeepEquals(p.Value, current[p.Key]) && !ClaimLifecycle.CanEdit(claim.Status, p.Key))
                .Select(p => p.Key)
                .FirstOrDefault();
            if (locked is not null)
            {
                return [ClaimLifecycle.NotEditable(claim.Status, locked)];
            }

            var merged = MergePatch.Apply(current, patch);
            var input = merged.Deserialize<ClaimInput>(options)!;
            var validated = await commands.ValidateAsync(input, claim.PartnerOrgId, claim.Id, ct);
            if (!validated.IsSuccess)
            {
                return validated.Errors;
            }

            var (details, products, competing, occupants) = validated.Value!;
            if (claim.Edit(details, products, ctx) is { } refused)
            {
                return [refused];
            }

            if (competing)
            {
                claim.MarkCompeting(ctx with { Actor = Actor.System });
                await commands.MarkCompetitorsAsync(claim, occupants, ctx, ct);
            }

            return [];
        }, ct);
}

/// <summary>RFC 7396 JSON merge patch: objects merge, null removes, anything else replaces.</summary>
public static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Apply(result[key], value);
                result.Remove(key);
                result[key] = merged;
            }
        }

        return result;
    }
}
