using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;

namespace Cpor.Web.Pages.Review;

/// <summary>One claim of an arbitration as the view shows it: its side (partner, what it holds) and the claim itself (contacts, dates, version).</summary>
public sealed record ArbitrationColumn(ArbitrationSide Side, ClaimResponse Claim, bool IsSubject);
