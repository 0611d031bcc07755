using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class ClaimEventConfiguration : IEntityTypeConfiguration<ClaimEvent>
{
    public void Configure(EntityTypeBuilder<ClaimEvent> b)
    {
        b.ToTable("claim_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.ClaimId).HasMaxLength(40);
        b.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Reason).HasMaxLength(400);
        b.Property(e => e.SubjectId).HasMaxLength(40);
        b.Property(e => e.CommentKey).HasMaxLength(100);
        b.PrimitiveCollection(e => e.CommentArgs);
        b.Property(e => e.Changes).IsJsonList<IReadOnlyList<FieldChange>, FieldChange>();
        b.HasOne<Claim>().WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ClaimId, e.Id });
    }
}
