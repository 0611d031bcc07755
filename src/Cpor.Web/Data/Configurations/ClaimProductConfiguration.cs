using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class ClaimProductConfiguration : IEntityTypeConfiguration<ClaimProduct>
{
    public void Configure(EntityTypeBuilder<ClaimProduct> b)
    {
        b.ToTable("claim_products");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).UseIdentityAlwaysColumn();
        b.Property(p => p.ClaimId).HasMaxLength(40);
        b.Property(p => p.PartnerOrgId).HasMaxLength(40);
        b.Property(p => p.ProductId).HasMaxLength(80);
        b.Property(p => p.UnitKey).HasMaxLength(200);
        b.Property(p => p.UnitKind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subscription>().WithMany().HasForeignKey(p => p.SubscriptionId).OnDelete(DeleteBehavior.Restrict);

        // CPOR.md §6: one organisation never has two open claims on the same unit.
        b.HasIndex(p => new { p.PartnerOrgId, p.UnitKey }).IsUnique().HasFilter("is_open")
            .HasDatabaseName("ux_claim_products_org_unit_open");
        b.HasIndex(p => p.UnitKey).HasFilter("is_open");
        b.HasIndex(p => p.ClaimId);
    }
}
