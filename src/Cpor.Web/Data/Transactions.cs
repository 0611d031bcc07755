using Microsoft.EntityFrameworkCore.Storage;

namespace Cpor.Web.Data;

/// <summary>
/// A transaction that joins the one already open on the context (the idempotency filter opens
/// one around the whole request) or begins its own. Only the owner commits or rolls back.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private UnitOfWork(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<UnitOfWork> BeginAsync(CporDb db, CancellationToken ct) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_owned is not null)
        {
            await _owned.CommitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
