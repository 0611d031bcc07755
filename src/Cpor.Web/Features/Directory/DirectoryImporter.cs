using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Associations;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Cpor.Web.Features.Directory;

public sealed record ImportError(long Line, string Code, string? Field, string Detail, string? File = null);

/// <summary>What an import did: <c>rejected</c> lists the first thousand refused lines, in file and line order.</summary>
public sealed record ImportReport(long Accepted, long RejectedCount, IReadOnlyList<ImportError> Rejected, bool DryRun);

/// <summary>One line of input, before its fields are typed.</summary>
public sealed record ImportLine(long Line, string? Type, ImportFields Fields, string? File = null);

/// <summary>
/// Imports the customer directory in one transaction: records are checked on their own, then
/// in batches against the database (a subscription's tenant must exist, a domain belongs to one
/// tenant...), and upserted a thousand at a time with set-based statements. Memory stays bounded
/// whatever the size of the input. A malformed line aborts everything; a refused record is
/// reported and skipped; <c>dryRun</c> checks everything and writes nothing. Legacy associations
/// become Active claims through <see cref="LegacyAssociationImport"/>, in the same transaction.
/// Each batch then settles what it changed (CPOR.md §9): a unit whose subscription is now disabled,
/// deleted or ended, or whose workload left the tenant, loses its Active association
/// (<see cref="UnitEndings"/>, through the claim's own lifecycle), and the Active associations of
/// the tenants and subscriptions it wrote are evaluated again.
/// </summary>
public sealed class DirectoryImporter(
    CporDb db, IStringLocalizer<ErrorMessages> messages, TimeProvider time, LegacyAssociationImport legacy, ClaimCommands commands, EligibilityEvaluator evaluator)
{
    public const int BatchSize = 1000;
    public const int MaxReported = 1000;

    private readonly List<TenantRecord> _tenants = [];
    private readonly List<SubscriptionRecord> _subscriptions = [];
    private readonly List<UsageRecord> _usage = [];
    private readonly List<DporRecord> _dpor = [];
    private readonly List<LegacyAssociationRecord> _legacy = [];
    private readonly List<(long Key, ImportError Error)> _rejected = [];
    private readonly List<string?> _files = [];
    private long _lastReported = long.MaxValue;
    private Dictionary<string, SolutionArea> _products = [];
    private long _accepted;
    private long _rejectedCount;
    private NpgsqlConnection _connection = null!;
    private NpgsqlTransaction _transaction = null!;
    private DateTimeOffset _now;

    public async Task<ImportReport> ImportAsync(IAsyncEnumerable<ImportLine> lines, bool dryRun, CancellationToken ct)
    {
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        _connection = (NpgsqlConnection)db.Database.GetDbConnection();
        _transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        _now = time.GetUtcNow();
        _products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.SolutionArea, ct);

        await foreach (var line in lines.WithCancellation(ct))
        {
            switch (ImportParser.Parse(KeyOf(line), line.Type, line.Fields))
            {
                case RejectedLine rejected:
                    Reject(rejected);
                    break;
                case TenantRecord tenant:
                    _tenants.Add(tenant);
                    break;
                case SubscriptionRecord subscription:
                    _subscriptions.Add(subscription);
                    break;
                case UsageRecord usage:
                    _usage.Add(usage);
                    break;
                case DporRecord dpor:
                    _dpor.Add(dpor);
                    break;
                case LegacyAssociationRecord association:
                    _legacy.Add(association);
                    break;
            }

            if (_tenants.Count + _subscriptions.Count + _usage.Count + _dpor.Count + _legacy.Count >= BatchSize)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
        if (!dryRun)
        {
            await uow.CommitAsync(ct);
        }

        return new ImportReport(_accepted, _rejectedCount, [.. Reported().Select(r => r.Error)], dryRun);
    }

    /// <summary>Writes what is buffered, parents first, so a record may follow the tenant it needs within one file.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        var tenants = await FlushTenantsAsync(ct);
        var subscriptions = await FlushSubscriptionsAsync(ct);
        await FlushUsageAsync(ct);
        await FlushDporAsync(ct);
        await FlushLegacyAsync(ct);
        await SettleUnitsAsync(tenants, subscriptions, ct);
    }

    /// <summary>
    /// The Active associations on what this batch wrote: those whose unit is gone end (only that
    /// unit; the claim keeps its others), the others are evaluated again against the new facts.
    /// Claims are changed through <see cref="ClaimCommands"/> one at a time, in id order, as the system.
    /// </summary>
    private async Task SettleUnitsAsync(Guid[] tenants, Guid[] subscriptions, CancellationToken ct)
    {
        if (tenants.Length == 0 && subscriptions.Length == 0)
        {
            return;
        }

        var scope = db.Associations.Where(a => tenants.Contains(a.TenantId) || (a.SubscriptionId != null && subscriptions.Contains(a.SubscriptionId.Value)));
        var endings = await UnitEndings.ListAsync(db, scope, _now, ct);
        var system = new ClaimChangeOptions(_ => true) { Visible = (_, _) => true };
        foreach (var claim in endings.GroupBy(e => e.ClaimId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var outcome = await commands.RunAsync(claim.Key, system, (locked, ctx) =>
            {
                foreach (var reason in claim.GroupBy(e => e.Reason).OrderBy(g => g.Key))
                {
                    // Listed before the claim's lock: the clock (or the customer) may have ended some meanwhile.
                    var stillActive = reason.Select(e => e.AssociationId)
                        .Where(id => locked.Associations.Any(a => a.Id == id && a.State == AssociationState.Active)).ToList();
                    if (stillActive.Count > 0 && locked.EndUnits(stillActive, reason.Key, ctx with { Actor = Actor.System }) is { } error)
                    {
                        return Task.FromResult<IReadOnlyList<DomainError>>([error]);
                    }
                }

                return Task.FromResult<IReadOnlyList<DomainError>>([]);
            }, ct);
            if (!outcome.IsSuccess)
            {
                throw new InvalidOperationException($"Directory import could not end the lost units of {claim.Key}: {outcome.FirstError.Code}");
            }
        }

        await evaluator.ReevaluateAsync(db, scope, ct);
    }

    /// <summary>Writes the buffered tenants; returns the ids of those written.</summary>
    private async Task<Guid[]> FlushTenantsAsync(CancellationToken ct)
    {
        if (_tenants.Count == 0)
        {
            return [];
        }

        var batch = LastWins(_tenants, t => t.TenantId);
        var ids = batch.Select(t => t.TenantId).ToArray();
        var owners = new Dictionary<string, Guid>();
        await using (var read = Command("SELECT domain, tenant_id FROM tenant_domains WHERE domain = ANY(@domains)"))
        {
            read.Parameters.AddWithValue("domains", batch.SelectMany(t => t.Domains).Distinct().ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                owners[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        var accepted = new List<TenantRecord>();
        var claimedInBatch = new Dictionary<string, Guid>();
        foreach (var tenant in batch)
        {
            var taken = tenant.Domains.FirstOrDefault(d =>
                (owners.TryGetValue(d, out var owner) && owner != tenant.TenantId && !ids.Contains(owner))
                || (claimedInBatch.TryGetValue(d, out var other) && other != tenant.TenantId));
            var badWorkload = tenant.Workloads.FirstOrDefault(w => !_products.TryGetValue(w, out var area) || area != SolutionArea.Microsoft365);
            if (taken is not null)
            {
                Reject(new RejectedLine(tenant.Line, ErrorCodes.DomainTaken, "domains", [taken]));
            }
            else if (badWorkload is not null)
            {
                Reject(new RejectedLine(tenant.Line, _products.ContainsKey(badWorkload) ? ErrorCodes.ProductNotInSolutionArea : ErrorCodes.ProductNotFound, "workloads", [badWorkload, nameof(SolutionArea.Microsoft365)]));
            }
            else
            {
                accepted.Add(tenant);
                foreach (var domain in tenant.Domains)
                {
                    claimedInBatch[domain] = tenant.TenantId;
                }
            }
        }

        var acceptedIds = accepted.Select(t => t.TenantId).ToArray();
        await ExecuteAsync("""
            INSERT INTO tenants (id, name, country, updated_at)
            SELECT * FROM unnest(@ids, @names, @countries, @times)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country, updated_at = EXCLUDED.updated_at
            """, ct,
            ("ids", acceptedIds),
            ("names", accepted.Select(t => t.Name).ToArray()),
            ("countries", accepted.Select(t => t.Country).ToArray()),
            ("times", accepted.Select(_ => _now).ToArray()));
        // The record lists all of a tenant's domains and workloads: replace the sets.
        await ExecuteAsync("DELETE FROM tenant_domains WHERE tenant_id = ANY(@ids) OR domain = ANY(@domains)", ct,
            ("ids", acceptedIds), ("domains", accepted.SelectMany(t => t.Domains).ToArray()));
        await ExecuteAsync("INSERT INTO tenant_domains (domain, tenant_id) SELECT * FROM unnest(@domains, @tenants)", ct,
            ("domains", accepted.SelectMany(t => t.Domains).ToArray()),
            ("tenants", accepted.SelectMany(t => t.Domains.Select(_ => t.TenantId)).ToArray()));
        await ExecuteAsync("DELETE FROM tenant_workloads WHERE tenant_id = ANY(@ids)", ct, ("ids", acceptedIds));
        await ExecuteAsync("INSERT INTO tenant_workloads (tenant_id, product_id) SELECT * FROM unnest(@tenants, @products)", ct,
            ("tenants", accepted.SelectMany(t => t.Workloads.Select(_ => t.TenantId)).ToArray()),
            ("products", accepted.SelectMany(t => t.Workloads).ToArray()));
        _accepted += _tenants.Count - (batch.Count - accepted.Count);
        _tenants.Clear();
        return acceptedIds;
    }

    /// <summary>Writes the buffered subscriptions; returns the ids of those written.</summary>
    private async Task<Guid[]> FlushSubscriptionsAsync(CancellationToken ct)
    {
        if (_subscriptions.Count == 0)
        {
            return [];
        }

        var batch = LastWins(_subscriptions, s => s.SubscriptionId);
        var tenants = await ExistingAsync("SELECT id FROM tenants WHERE id = ANY(@ids)", batch.Select(s => s.TenantId), ct);
        var existingTenant = new Dictionary<Guid, Guid>();
        await using (var read = Command("SELECT id, tenant_id FROM subscriptions WHERE id = ANY(@ids)"))
        {
            read.Parameters.AddWithValue("ids", batch.Select(s => s.SubscriptionId).ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                existingTenant[reader.GetGuid(0)] = reader.GetGuid(1);
            }
        }

        var accepted = new List<SubscriptionRecord>();
        foreach (var s in batch)
        {
            if (!_products.ContainsKey(s.ProductId))
            {
                Reject(new RejectedLine(s.Line, ErrorCodes.ProductNotFound, "productId", [s.ProductId]));
            }
            else if (!tenants.Contains(s.TenantId))
            {
                Reject(new RejectedLine(s.Line, ErrorCodes.TenantNotFound, "tenantId", [s.TenantId.ToString("D")]));
            }
            else if (existingTenant.TryGetValue(s.SubscriptionId, out var owner) && owner != s.TenantId)
            {
                Reject(new RejectedLine(s.Line, ErrorCodes.SubscriptionNotOnTenant, "tenantId", [s.SubscriptionId.ToString("D")]));
            }
            else
            {
                accepted.Add(s);
            }
        }

        await ExecuteAsync("""
            INSERT INTO subscriptions (id, tenant_id, product_id, channel, state, provisioned, seats_purchased, seats_assigned, ends_at, updated_at)
            SELECT * FROM unnest(@ids, @tenants, @products, @channels, @states, @provisioned, @purchased, @assigned, @ends, @times)
            ON CONFLICT (id) DO UPDATE SET product_id = EXCLUDED.product_id, channel = EXCLUDED.channel, state = EXCLUDED.state,
                provisioned = EXCLUDED.provisioned, seats_purchased = EXCLUDED.seats_purchased, seats_assigned = EXCLUDED.seats_assigned,
                ends_at = EXCLUDED.ends_at, updated_at = EXCLUDED.updated_at
            """, ct,
            ("ids", accepted.Select(s => s.SubscriptionId).ToArray()),
            ("tenants", accepted.Select(s => s.TenantId).ToArray()),
            ("products", accepted.Select(s => s.ProductId).ToArray()),
            ("channels", accepted.Select(s => s.Channel.ToString()).ToArray()),
            ("states", accepted.Select(s => s.State.ToString()).ToArray()),
            ("provisioned", accepted.Select(s => s.Provisioned).ToArray()),
            ("purchased", accepted.Select(s => s.SeatsPurchased).ToArray()),
            ("assigned", accepted.Select(s => s.SeatsAssigned).ToArray()),
            ("ends", accepted.Select(s => s.EndsAt).ToArray()),
            ("times", accepted.Select(_ => _now).ToArray()));
        _accepted += _subscriptions.Count - (batch.Count - accepted.Count);
        _subscriptions.Clear();
        return [.. accepted.Select(s => s.SubscriptionId)];
    }

    private async Task FlushUsageAsync(CancellationToken ct)
    {
        if (_usage.Count == 0)
        {
            return;
        }

        var batch = LastWins(_usage, u => (UsageFact.DataUnitOf(u.TenantId, u.ProductId, u.SubscriptionId), u.Month));
        var tenants = await ExistingAsync("SELECT id FROM tenants WHERE id = ANY(@ids)", batch.Select(u => u.TenantId), ct);
        var subscriptions = new Dictionary<Guid, (Guid Tenant, string Product)>();
        await using (var read = Command("SELECT id, tenant_id, product_id FROM subscriptions WHERE id = ANY(@ids)"))
        {
            read.Parameters.AddWithValue("ids", batch.Where(u => u.SubscriptionId is not null).Select(u => u.SubscriptionId!.Value).Distinct().ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                subscriptions[reader.GetGuid(0)] = (reader.GetGuid(1), reader.GetString(2));
            }
        }

        var accepted = new List<UsageRecord>();
        foreach (var u in batch)
        {
            if (!_products.ContainsKey(u.ProductId))
            {
                Reject(new RejectedLine(u.Line, ErrorCodes.ProductNotFound, "productId", [u.ProductId]));
            }
            else if (!tenants.Contains(u.TenantId))
            {
                Reject(new RejectedLine(u.Line, ErrorCodes.TenantNotFound, "tenantId", [u.TenantId.ToString("D")]));
            }
            else if (u.SubscriptionId is { } s && !subscriptions.ContainsKey(s))
            {
                Reject(new RejectedLine(u.Line, ErrorCodes.SubscriptionNotFound, "subscriptionId", [s.ToString("D")]));
            }
            else if (u.SubscriptionId is { } sub && (subscriptions[sub].Tenant != u.TenantId || subscriptions[sub].Product != u.ProductId))
            {
                Reject(new RejectedLine(u.Line, ErrorCodes.SubscriptionNotOnTenant, "subscriptionId", [sub.ToString("D")]));
            }
            else
            {
                accepted.Add(u);
            }
        }

        await ExecuteAsync("""
            INSERT INTO usage_facts (data_unit, month, tenant_id, product_id, subscription_id, active_users, enabled_users, seats_purchased, seats_assigned)
            SELECT * FROM unnest(@units, @months, @tenants, @products, @subscriptions, @active, @enabled, @purchased, @assigned)
            ON CONFLICT (data_unit, month) DO UPDATE SET active_users = EXCLUDED.active_users, enabled_users = EXCLUDED.enabled_users,
                seats_purchased = EXCLUDED.seats_purchased, seats_assigned = EXCLUDED.seats_assigned
            """, ct,
            ("units", accepted.Select(u => UsageFact.DataUnitOf(u.TenantId, u.ProductId, u.SubscriptionId)).ToArray()),
            ("months", accepted.Select(u => u.Month).ToArray()),
            ("tenants", accepted.Select(u => u.TenantId).ToArray()),
            ("products", accepted.Select(u => u.ProductId).ToArray()),
            ("subscriptions", accepted.Select(u => u.SubscriptionId).ToArray()),
            ("active", accepted.Select(u => u.ActiveUsers).ToArray()),
            ("enabled", accepted.Select(u => u.EnabledUsers).ToArray()),
            ("purchased", accepted.Select(u => u.SeatsPurchased).ToArray()),
            ("assigned", accepted.Select(u => u.SeatsAssigned).ToArray()));
        _accepted += _usage.Count - (batch.Count - accepted.Count);
        _usage.Clear();
    }

    private async Task FlushDporAsync(CancellationToken ct)
    {
        if (_dpor.Count == 0)
        {
            return;
        }

        var batch = LastWins(_dpor, d => d.SubscriptionId);
        var subscriptions = await ExistingAsync("SELECT id FROM subscriptions WHERE id = ANY(@ids)", batch.Select(d => d.SubscriptionId), ct);
        var partners = await db.PartnerOrgs.AsNoTracking().Select(p => p.Id).Where(id => batch.Select(d => d.PartnerOrgId).Contains(id)).ToListAsync(ct);
        var accepted = new List<DporRecord>();
        foreach (var d in batch)
        {
            if (!subscriptions.Contains(d.SubscriptionId))
            {
                Reject(new RejectedLine(d.Line, ErrorCodes.SubscriptionNotFound, "subscriptionId", [d.SubscriptionId.ToString("D")]));
            }
            else if (!partners.Contains(d.PartnerOrgId))
            {
                Reject(new RejectedLine(d.Line, ErrorCodes.PartnerNotFound, "partnerOrgId", [d.PartnerOrgId]));
            }
            else
            {
                accepted.Add(d);
            }
        }

        await ExecuteAsync("""
            INSERT INTO digital_partner_links (subscription_id, partner_org_id, updated_at)
            SELECT * FROM unnest(@subscriptions, @partners, @times)
            ON CONFLICT (subscription_id) DO UPDATE SET partner_org_id = EXCLUDED.partner_org_id, updated_at = EXCLUDED.updated_at
            """, ct,
            ("subscriptions", accepted.Select(d => d.SubscriptionId).ToArray()),
            ("partners", accepted.Select(d => d.PartnerOrgId).ToArray()),
            ("times", accepted.Select(_ => _now).ToArray()));
        _accepted += _dpor.Count - (batch.Count - accepted.Count);
        _dpor.Clear();
    }

    private async Task FlushLegacyAsync(CancellationToken ct)
    {
        if (_legacy.Count == 0)
        {
            return;
        }

        var refused = await legacy.ImportAsync(_legacy, _products, _now, ct);
        foreach (var line in refused)
        {
            Reject(line);
        }

        _accepted += _legacy.Count - refused.Count;
        _legacy.Clear();
    }

    /// <summary>Within a batch, a later record of the same key replaces an earlier one (the file is read in order).</summary>
    private static List<T> LastWins<T, TKey>(List<T> records, Func<T, TKey> key)
        where TKey : notnull
    {
        var last = new Dictionary<TKey, T>();
        foreach (var record in records)
        {
            last[key(record)] = record;
        }

        return [.. last.Values];
    }

    /// <summary>
    /// A line's place in the import, which the records carry as their line: the file's position in
    /// the upload above <see cref="LineBits"/>, its line in that file below, so that refusals found
    /// late (when a batch is written) still sort in file and line order and name their file.
    /// </summary>
    private long KeyOf(ImportLine line)
    {
        if (_files.Count == 0 || _files[^1] != line.File)
        {
            _files.Add(line.File);
        }

        return ((long)(_files.Count - 1) << LineBits) | line.Line;
    }

    private const int LineBits = 40;

    private void Reject(RejectedLine rejected)
    {
        _rejectedCount++;
        var key = rejected.Line;
        if (_rejected.Count >= MaxReported && key > _lastReported)
        {
            return; // a thousand earlier lines are already reported
        }

        var detail = Problems.Detail(messages, new DomainError(rejected.Code, rejected.Field, rejected.Args));
        var file = _files.Count == 0 ? null : _files[(int)(key >> LineBits)];
        _rejected.Add((key, new ImportError(key & ((1L << LineBits) - 1), rejected.Code, rejected.Field, detail, file)));
        if (_rejected.Count >= 2 * MaxReported)
        {
            // Keep the first lines in file order, not the first found; trimmed now and then, not per line.
            var kept = Reported().ToList();
            _rejected.Clear();
            _rejected.AddRange(kept);
            _lastReported = kept[^1].Key;
        }
    }

    private IEnumerable<(long Key, ImportError Error)> Reported() => _rejected.OrderBy(r => r.Key).Take(MaxReported);

    private async Task<HashSet<Guid>> ExistingAsync(string sql, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new HashSet<Guid>();
        await using var read = Command(sql);
        read.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

#pragma warning disable CA2100 // Every statement is a constant of this class; values go through parameters.
    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);
#pragma warning restore CA2100
}
