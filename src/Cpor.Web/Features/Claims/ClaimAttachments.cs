using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cpor.Web.Features.Claims;

/// <summary>A PoE file just added, and the claim as it now stands.</summary>
public sealed record UploadedAttachment(Claim Claim, ClaimAttachment Attachment);

/// <summary>A PoE file to read back: its metadata and its content.</summary>
public sealed record AttachmentDownload(ClaimAttachment Attachment, Stream Content);

/// <summary>
/// PoE files: upload (multipart field <c>file</c>, streamed to disk, size-limited, typed from
/// its bytes), download (only by those who may see the claim) and removal (Draft only).
/// </summary>
public sealed class ClaimAttachments(
    CporDb db, CurrentUser user, ClaimCommands commands, IAttachmentStore store, IOptions<CporOptions> options)
{
    public async Task<Outcome<UploadedAttachment>> UploadAsync(string claimId, HttpRequest request, CancellationToken ct)
    {
        // Refuse early, before reading megabytes: unknown claims, callers who may not add files,
        // and claims that take no more (Ended). The locked change checks the status again.
        if (await RefusedAsync(claimId, ct) is { } refused)
        {
            return refused;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return new DomainError(ErrorCodes.UnsupportedMediaType, "file");
        }

        var reader = new MultipartReader(boundary, request.Body);
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition()
                || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            return await StoreAsync(claimId, fileName, section.Body, request.Headers.IfMatch.ToString(), ct);
        }

        return new DomainError(ErrorCodes.AttachmentRequired, "file");
    }

    /// <summary>
    /// The same upload for a file that was already read from a form (the web UI): the stream is
    /// the file's content, <paramref name="fileName"/> the name the browser gave.
    /// </summary>
    public async Task<Outcome<UploadedAttachment>> UploadAsync(string claimId, string? fileName, Stream content, string? ifMatch, CancellationToken ct) =>
        await RefusedAsync(claimId, ct) is { } refused ? refused : await StoreAsync(claimId, fileName, content, ifMatch, ct);

    /// <summary>Why nothing may be uploaded to the claim: not found, not the caller's to change, or a status that takes no PoE.</summary>
    private async Task<DomainError?> RefusedAsync(string claimId, CancellationToken ct)
    {
        if (await ClaimReads.FindVisibleAsync(db, user, claimId, ct) is not { } claim)
        {
            return CommonErrors.NotFound;
        }

        return !ClaimPermissions.CanManage(user) ? CommonErrors.Forbidden : claim.WhyNotAttach();
    }

    /// <summary>Checks the name, stages the content size-limited, types it from its bytes, keeps it, then records it on the claim.</summary>
    private async Task<Outcome<UploadedAttachment>> StoreAsync(string claimId, string? fileName, Stream body, string? ifMatch, CancellationToken ct)
    {
        if (!PoeFileTypes.IsSafeFileName(fileName))
        {
            return new DomainError(ErrorCodes.AttachmentNameInvalid, "file");
        }

        var maxBytes = options.Value.Attachments.MaxBytes;
        await using var staged = await store.StageAsync(body, maxBytes, ct);
        if (staged.TooLarge)
        {
            return new DomainError(ErrorCodes.AttachmentTooLarge, "file", maxBytes / (1024 * 1024));
        }

        if (staged.Size == 0)
        {
            return new DomainError(ErrorCodes.AttachmentEmpty, "file");
        }

        string contentType;
        await using (var content = staged.OpenRead())
        {
            var (detected, error) = PoeFileTypes.Detect(content, fileName!);
            if (error is not null)
            {
                return error;
            }

            contentType = detected!;
        }

        // The content is kept before the row that points to it is written: a crash in between
        // leaves an unreferenced file (harmless), never a row without its file.
        await store.CommitAsync(staged, ct);
        ClaimAttachment? added = null;
        var outcome = await commands.RunAsync(claimId, new(ClaimPermissions.CanManage) { IfMatch = ifMatch }, (claim, ctx) =>
        {
            added = new ClaimAttachment(Ids.New("att", ctx.Now), claim.Id, fileName!, contentType, staged.Size, staged.Sha256, ctx.Actor, ctx.Now);
            return claim.AddAttachment(added, ctx);
        }, ct);
        return outcome.IsSuccess ? new UploadedAttachment(outcome.Value!, added!) : Outcome<UploadedAttachment>.Failure(outcome.Errors);
    }

    /// <summary>
    /// A PoE file is the partner's, not ours: the browser must not guess its type, run it in our
    /// origin, or keep a copy.
    /// </summary>
    public static void ProtectDownload(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, no-store";
    }

    public async Task<Outcome<AttachmentDownload>> DownloadAsync(string claimId, string attachmentId, CancellationToken ct)
    {
        var claim = await ClaimReads.FindVisibleAsync(db, user, claimId, ct);
        var attachment = claim?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return CommonErrors.NotFound;
        }

        var content = store.OpenRead(attachment.Sha256);
        return content is null ? CommonErrors.NotFound : new AttachmentDownload(attachment, content);
    }

    public Task<Outcome<Claim>> RemoveAsync(string claimId, string attachmentId, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, new(ClaimPermissions.CanManage) { IfMatch = ifMatch }, (claim, ctx) =>
            claim.Attachments.Any(a => a.Id == attachmentId) ? claim.RemoveAttachment(attachmentId, ctx) : CommonErrors.NotFound, ct);
}
