using System.Text.Json;
using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class AssociationEligibilityConfiguration : IEntityTypeConfiguration<AssociationEligibility>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AssociationEligibility> b)
    {
        b.ToTable("association_eligibility");
        b.HasKey(e => e.AssociationId);
        b.Property(e => e.AssociationId).HasMaxLength(40);
        b.Property(e => e.ProgramId).HasMaxLength(40);
        // A short list read and written whole: one jsonb value rather than a child table.
        b.Property(e => e.Reasons)
            .HasColumnType("jsonb")
            .HasConversion(
                reasons => Write(reasons),
                json => Read(json),
                new ValueComparer<List<EligibilityReason>>(
                    (a, c) => Write(a!) == Write(c!),
                    reasons => Write(reasons).GetHashCode(StringComparison.Ordinal),
                    reasons => Read(Write(reasons))));
        b.HasOne<Association>().WithOne().HasForeignKey<AssociationEligibility>(e => e.AssociationId).OnDelete(DeleteBehavior.Cascade);
    }

    private static string Write(List<EligibilityReason> reasons) => JsonSerializer.Serialize(reasons, Json);

    private static List<EligibilityReason> Read(string json) => JsonSerializer.Deserialize<List<EligibilityReason>>(json, Json) ?? [];
}
