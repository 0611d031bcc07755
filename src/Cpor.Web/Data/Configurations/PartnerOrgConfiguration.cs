using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class PartnerOrgConfiguration : IEntityTypeConfiguration<PartnerOrg>
{
    public void Configure(EntityTypeBuilder<PartnerOrg> b)
    {
        b.ToTable("partner_orgs");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasIndex(p => p.Name).IsUnique();
    }
}
