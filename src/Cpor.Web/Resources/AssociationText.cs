namespace Cpor.Web.Resources;

/// <summary>
/// Marker of AssociationText.resx: eligibility reasons (<c>code</c>, <c>code.detail</c>), credit
/// explanations (<c>credit.*</c>) and the usage chart's texts (<c>chart.*</c>).
/// </summary>
public sealed class AssociationText;
