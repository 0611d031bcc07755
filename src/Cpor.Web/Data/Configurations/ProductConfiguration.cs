using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(80);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.SolutionArea).HasConversion<string>().HasMaxLength(32);
    }
}
