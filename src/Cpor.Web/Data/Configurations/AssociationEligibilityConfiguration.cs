using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class AssociationEligibilityConfiguration : IEntityTypeConfiguration<AssociationEligibility>
{
    public void Configure(EntityTypeBuilder<AssociationEligibility> b)
    {
        b.ToTable("association_eligibility");
        b.HasKey(e => e.AssociationId);
        b.Property(e => e.AssociationId).HasMaxLength(40);
        b.Property(e => e.ProgramId).HasMaxLength(40);
        b.Property(e => e.Reasons).IsJsonList<List<EligibilityReason>, EligibilityReason>();
        b.HasOne<Association>().WithOne().HasForeignKey<AssociationEligibility>(e => e.AssociationId).OnDelete(DeleteBehavior.Cascade);
    }
}
