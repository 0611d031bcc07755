using Cpor.Web.Features.Associations;

namespace Cpor.Web.Pages.Associations;

/// <summary>What <c>_Credit</c> renders: an association's credit, the digital partner's name (reviewers only), and whether it sits in a table.</summary>
public sealed record CreditView(CreditResponse Credit, string? DigitalPartnerName, bool Compact);
