using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class ClaimCommentConfiguration : IEntityTypeConfiguration<ClaimComment>
{
    public void Configure(EntityTypeBuilder<ClaimComment> b)
    {
        b.ToTable("claim_comments");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40).UseCollation("C");
        b.Property(c => c.ClaimId).HasMaxLength(40);
        b.Property(c => c.AuthorKind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.AuthorId).HasMaxLength(450);
        b.Property(c => c.AuthorName).HasMaxLength(256);
        b.Property(c => c.Body).HasMaxLength(4000);
        b.Property(c => c.TextKey).HasMaxLength(100);
        b.PrimitiveCollection(c => c.TextArgs);
        b.HasOne<Claim>().WithMany().HasForeignKey(c => c.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ClaimId, c.CreatedAt });
    }
}
