using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class IncentiveProgramConfiguration : IEntityTypeConfiguration<IncentiveProgram>
{
    public void Configure(EntityTypeBuilder<IncentiveProgram> b)
    {
        b.ToTable("programs");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
    }
}
