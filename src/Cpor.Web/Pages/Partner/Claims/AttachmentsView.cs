using Cpor.Web.Features.Claims;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>The PoE file list of a claim, and whether files may be removed from it; <c>ReturnTo</c> names the page to come back to.</summary>
public sealed record AttachmentsView(ClaimResponse Claim, bool CanRemove, string? ReturnTo);
