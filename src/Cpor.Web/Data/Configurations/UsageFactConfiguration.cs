using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class UsageFactConfiguration : IEntityTypeConfiguration<UsageFact>
{
    public void Configure(EntityTypeBuilder<UsageFact> b)
    {
        b.ToTable("usage_facts");
        b.HasKey(u => new { u.DataUnit, u.Month });
        b.Property(u => u.DataUnit).HasMaxLength(140);
        b.Property(u => u.ProductId).HasMaxLength(80);
        b.HasIndex(u => new { u.TenantId, u.Month });
    }
}
