using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class PartnerLocationConfiguration : IEntityTypeConfiguration<PartnerLocation>
{
    public void Configure(EntityTypeBuilder<PartnerLocation> b)
    {
        b.ToTable("partner_locations");
        b.HasKey(p => p.MpnId);
        b.Property(p => p.MpnId).HasMaxLength(10);
        b.Property(p => p.PartnerOrgId).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasOne<PartnerOrg>().WithMany().HasForeignKey(p => p.PartnerOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PartnerOrgId);
    }
}
