namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>The PoE drop zone of a claim; <c>ReturnTo</c> names the page to come back to without script, <c>Error</c> why the last upload failed.</summary>
public sealed record UploadView(string ClaimId, string? ReturnTo, string? Error);
