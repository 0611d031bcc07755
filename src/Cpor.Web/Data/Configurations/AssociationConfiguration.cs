using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> b)
    {
        b.ToTable("associations");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.ClaimId).HasMaxLength(40);
        b.Property(a => a.PartnerOrgId).HasMaxLength(40);
        b.Property(a => a.MpnId).HasMaxLength(10);
        b.Property(a => a.SolutionArea).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Activity).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.ProgramId).HasMaxLength(40);
        b.Property(a => a.ProductId).HasMaxLength(80);
        b.Property(a => a.UnitKey).HasMaxLength(200);
        b.Property(a => a.UnitKind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.EndReason).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.SupersededByClaimId).HasMaxLength(40);
        b.Ignore(a => a.HoldsUnit);
        b.Ignore(a => a.HandoverPending);
        b.Ignore(a => a.WasActive);
        b.Ignore(a => a.UnitLabel);

        // CPOR.md §6, whatever the servers do: at most one Active association per unit; besides it,
        // at most one holder not being handed over and one being handed over (decision 0010).
        b.HasIndex([nameof(Association.UnitKey)], "ux_associations_unit_active").IsUnique().HasFilter("state = 'Active'");
        b.HasIndex([nameof(Association.UnitKey)], "ux_associations_unit_holder").IsUnique()
            .HasFilter("state IN ('Approved', 'Active') AND superseded_by_claim_id IS NULL");
        b.HasIndex([nameof(Association.UnitKey)], "ux_associations_unit_handover").IsUnique()
            .HasFilter("state IN ('Approved', 'Active') AND superseded_by_claim_id IS NOT NULL");
        b.HasIndex(a => a.SupersededByClaimId).HasFilter("superseded_by_claim_id IS NOT NULL");
        b.HasIndex(a => new { a.PartnerOrgId, a.State });
        b.HasIndex(a => a.ClaimId);
        b.HasIndex(a => a.SubscriptionId).HasFilter("subscription_id IS NOT NULL");
    }
}
