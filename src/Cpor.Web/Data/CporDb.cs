using Cpor.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cpor.Web.Data;

/// <summary>
/// The one DbContext. Saving a claim appends the history lines its methods produced, and lets
/// every <see cref="IClaimEventObserver"/> (the notification outbox) write in the same transaction.
/// Also the store of the Data Protection key ring (<see cref="IDataProtectionKeyContext"/>).
/// </summary>
public sealed class CporDb(DbContextOptions<CporDb> options, IEnumerable<IClaimEventObserver> observers)
    : IdentityDbContext<CporUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<PartnerOrg> PartnerOrgs => Set<PartnerOrg>();

    public DbSet<PartnerLocation> PartnerLocations => Set<PartnerLocation>();

    public DbSet<IncentiveProgram> Programs => Set<IncentiveProgram>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<TenantDomain> TenantDomains => Set<TenantDomain>();

    public DbSet<TenantWorkload> TenantWorkloads => Set<TenantWorkload>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<UsageFact> UsageFacts => Set<UsageFact>();

    public DbSet<DigitalPartnerLink> DigitalPartnerLinks => Set<DigitalPartnerLink>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimProduct> ClaimProducts => Set<ClaimProduct>();

    public DbSet<ClaimAttachment> ClaimAttachments => Set<ClaimAttachment>();

    public DbSet<ClaimComment> ClaimComments => Set<ClaimComment>();

    public DbSet<ClaimEvent> ClaimEvents => Set<ClaimEvent>();

    public DbSet<Association> Associations => Set<Association>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AssociationEligibility> AssociationEligibility => Set<AssociationEligibility>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var claims = ChangeTracker.Entries<Claim>().Select(e => e.Entity).Where(c => c.NewEvents.Count > 0).ToList();
        foreach (var claim in claims)
        {
            ClaimComments.AddRange(claim.NewComments);
            ClaimEvents.AddRange(claim.NewEvents);
            foreach (var observer in observers)
            {
                observer.OnClaimEvents(this, claim, claim.NewEvents);
            }
        }

        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var claim in claims)
        {
            claim.ClearNewEvents();
        }

        return written;
    }

    /// <summary>
    /// Refused but for Data Protection keys: the key ring's repository is synchronous by contract
    /// and saves its new key alone; everything else must go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).All(e => e.Entity is DataProtectionKey)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync: history and outbox are written there.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CporDb).Assembly);
        ForeignKeysLikeTheirKeys(builder);
        SnakeCaseNames.Apply(builder);
    }

    /// <summary>
    /// A foreign key takes the collation of the key it references, so that a join can use the
    /// index on either side (a test checks the database too).
    /// </summary>
    private static void ForeignKeysLikeTheirKeys(ModelBuilder builder)
    {
        foreach (var foreignKey in builder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
        {
            foreach (var (dependent, principal) in foreignKey.Properties.Zip(foreignKey.PrincipalKey.Properties))
            {
                if (principal.GetCollation() is { } collation && dependent is IMutableProperty property)
                {
                    property.SetCollation(collation);
                }
            }
        }
    }
}

/// <summary>Something that must happen in the same transaction as a claim's history (the outbox).</summary>
public interface IClaimEventObserver
{
    void OnClaimEvents(CporDb db, Claim claim, IReadOnlyList<ClaimEvent> events);
}
