using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).UseIdentityAlwaysColumn();
        b.Property(m => m.ClaimId).HasMaxLength(40);
        b.Property(m => m.Topic).HasMaxLength(40);
        b.Property(m => m.RecipientUserId).HasMaxLength(450);
        b.Property(m => m.RecipientEmail).HasMaxLength(256);
        b.Property(m => m.Language).HasMaxLength(5);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(400);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasOne<OutboxEvent>().WithMany().HasForeignKey(m => m.OutboxEventId).OnDelete(DeleteBehavior.Restrict);
        // Never two e-mails for one event to one person.
        b.HasIndex(m => new { m.OutboxEventId, m.RecipientEmail }).IsUnique();
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_outbox_messages_due");
        b.HasIndex(m => m.ClaimId);
    }
}
