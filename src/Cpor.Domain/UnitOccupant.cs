namespace Cpor.Domain;

/// <summary>A claim that holds or claims a unit, as seen when another claim names that unit.</summary>
public sealed record UnitOccupant(string UnitKey, string ClaimId, string PartnerOrgId, ClaimStatus Status);
