using System.Security.Cryptography;
using Cpor.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Claims;

/// <summary>Where PoE file contents live, addressed by their SHA-256.</summary>
public interface IAttachmentStore
{
    /// <summary>Copies an upload aside while hashing it; stops reading once it exceeds <paramref name="maxBytes"/>.</summary>
    Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>Makes a staged file permanent under its hash (a no-op when that content is already stored).</summary>
    Task CommitAsync(StagedFile staged, CancellationToken ct);

    /// <summary>The stored content, or null when it is missing.</summary>
    Stream? OpenRead(string sha256);
}

/// <summary>An upload set aside but not yet kept; disposing it deletes what was not committed.</summary>
public sealed class StagedFile(string path, string sha256, long size, bool tooLarge) : IAsyncDisposable
{
    public string Path { get; } = path;

    public string Sha256 { get; } = sha256;

    public long Size { get; } = size;

    public bool TooLarge { get; } = tooLarge;

    public Stream OpenRead() => File.OpenRead(Path);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Content-addressed files on disk: <c>ab/cd/abcd…</c> under the configured folder. Files are
/// written to a staging folder first and moved into place atomically, so a crash never leaves a
/// half-written file under a hash.
/// </summary>
public sealed class FileSystemAttachmentStore : IAttachmentStore
{
    private readonly string _root;
    private readonly string _staging;

    public FileSystemAttachmentStore(IOptions<CporOptions> options, IHostEnvironment environment)
    {
        _root = System.IO.Path.GetFullPath(options.Value.Attachments.Path, environment.ContentRootPath);
        _staging = System.IO.Path.Combine(_root, "staging");
        System.IO.Directory.CreateDirectory(_staging);
    }

    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var tooLarge = false;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    tooLarge = true;
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        return new StagedFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size, tooLarge);
    }

    public Task CommitAsync(StagedFile staged, CancellationToken ct)
    {
        var target = PathOf(staged.Sha256);
        if (!File.Exists(target))
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(staged.Path, target + ".part", overwrite: true);
            File.Move(target + ".part", target, overwrite: true);
        }

        return Task.CompletedTask;
    }

    public Stream? OpenRead(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string sha256) => System.IO.Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
}
