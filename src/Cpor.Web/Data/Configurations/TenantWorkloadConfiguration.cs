using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class TenantWorkloadConfiguration : IEntityTypeConfiguration<TenantWorkload>
{
    public void Configure(EntityTypeBuilder<TenantWorkload> b)
    {
        b.ToTable("tenant_workloads");
        b.HasKey(w => new { w.TenantId, w.ProductId });
        b.Property(w => w.ProductId).HasMaxLength(80);
        b.HasOne<Product>().WithMany().HasForeignKey(w => w.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
