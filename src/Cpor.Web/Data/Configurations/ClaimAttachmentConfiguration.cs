using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class ClaimAttachmentConfiguration : IEntityTypeConfiguration<ClaimAttachment>
{
    public void Configure(EntityTypeBuilder<ClaimAttachment> b)
    {
        b.ToTable("claim_attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.ClaimId).HasMaxLength(40);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.UploadedById).HasMaxLength(450);
        b.Property(a => a.UploadedByName).HasMaxLength(256);
        b.HasIndex(a => a.ClaimId);
    }
}
