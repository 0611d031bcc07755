using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class TenantDomainConfiguration : IEntityTypeConfiguration<TenantDomain>
{
    public void Configure(EntityTypeBuilder<TenantDomain> b)
    {
        b.ToTable("tenant_domains");
        b.HasKey(d => d.Domain);
        b.Property(d => d.Domain).HasMaxLength(253);
        b.HasIndex(d => d.TenantId);
    }
}
