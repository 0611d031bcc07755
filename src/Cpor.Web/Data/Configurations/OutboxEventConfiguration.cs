using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.ToTable("outbox_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.ClaimId).HasMaxLength(40);
        b.Property(e => e.LastError).HasMaxLength(2000);
        b.HasOne(e => e.ClaimEvent).WithMany().HasForeignKey(e => e.ClaimEventId).OnDelete(DeleteBehavior.Restrict);
        // One outbox entry per history line, whatever happens.
        b.HasIndex(e => e.ClaimEventId).IsUnique();
        // The dispatcher's work queue.
        b.HasIndex(e => e.Id).HasFilter("processed_at IS NULL").HasDatabaseName("ix_outbox_events_pending");
    }
}
