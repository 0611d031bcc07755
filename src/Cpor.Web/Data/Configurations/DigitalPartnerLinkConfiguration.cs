using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class DigitalPartnerLinkConfiguration : IEntityTypeConfiguration<DigitalPartnerLink>
{
    public void Configure(EntityTypeBuilder<DigitalPartnerLink> b)
    {
        b.ToTable("digital_partner_links");
        b.HasKey(d => d.SubscriptionId);
        b.Property(d => d.PartnerOrgId).HasMaxLength(40);
        b.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartnerOrg>().WithMany().HasForeignKey(d => d.PartnerOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}
