using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class CporUserConfiguration : IEntityTypeConfiguration<CporUser>
{
    public void Configure(EntityTypeBuilder<CporUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PartnerOrgId).HasMaxLength(40);
        b.Property(u => u.Language).HasMaxLength(5);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.HasOne<PartnerOrg>().WithMany().HasForeignKey(u => u.PartnerOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.PartnerOrgId);
        b.HasIndex(u => u.TenantId);
    }
}
