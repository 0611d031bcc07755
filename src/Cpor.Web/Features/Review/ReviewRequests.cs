namespace Cpor.Web.Features.Review;

public sealed record RequestInfoRequest(IReadOnlyList<string?>? Reasons, string? Comment);

public sealed record ApproveRequest(bool? Supersede, string? Comment);

public sealed record RejectRequest(string? Reason, string? Comment);
