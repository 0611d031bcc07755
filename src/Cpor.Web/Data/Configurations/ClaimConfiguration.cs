using Cpor.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.ToTable("claims");
        b.HasKey(c => c.Id);
        // Byte order ("C") so ordering by id is creation order on any server locale.
        b.Property(c => c.Id).HasMaxLength(Ids.MaxLength).UseCollation("C");
        b.Property(c => c.PartnerOrgId).HasMaxLength(Ids.MaxLength);
        b.Property(c => c.Name).HasMaxLength(ClaimValidator.MaxNameLength);
        b.Property(c => c.ExternalId).HasMaxLength(ClaimValidator.MaxExternalIdLength);
        b.Property(c => c.MpnId).HasMaxLength(10);
        b.Property(c => c.CustomerDomain).HasMaxLength(ClaimValidator.MaxDomainLength);
        b.Property(c => c.SolutionArea).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Activity).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.ProgramId).HasMaxLength(Ids.MaxLength);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.StatusReason).HasMaxLength(40);
        b.PrimitiveCollection(c => c.InfoRequestReasons).ElementType().HasConversion<string>();
        b.Property(c => c.DisputeJustification).HasMaxLength(FreeText.MaxCommentLength);
        b.Property(c => c.ReviewerId).HasMaxLength(450);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();

        b.ComplexProperty(c => c.CustomerContact, Contact);
        b.ComplexProperty(c => c.TechnicalContact, Contact);
        b.ComplexProperty(c => c.PartnerContact, Contact);
        b.ComplexProperty(c => c.RevenueAssociation, r =>
        {
            r.Property(x => x.SolutionSellerName).HasMaxLength(FreeText.MaxLineLength);
            r.Property(x => x.CustomerName).HasMaxLength(FreeText.MaxLineLength);
            r.Property(x => x.IsvProductName).HasMaxLength(FreeText.MaxLineLength);
        });

        b.HasMany(c => c.Products).WithOne().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Associations).WithOne().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Associations).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.NewEvents);
        b.Ignore(c => c.NewComments);

        b.HasOne<PartnerOrg>().WithMany().HasForeignKey(c => c.PartnerOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PartnerOrgId, c.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        b.HasIndex(c => new { c.PartnerOrgId, c.Id });
        b.HasIndex(c => new { c.Status, c.DueAt });
        b.HasIndex(c => new { c.UpdatedAt, c.Id });
        b.HasIndex(c => c.TenantId);
        b.HasIndex(c => c.NextAutoActionAt).HasFilter("next_auto_action_at IS NOT NULL");
    }

    private static void Contact(ComplexPropertyBuilder<Contact> c)
    {
        c.Property(x => x.Name).HasMaxLength(FreeText.MaxLineLength);
        c.Property(x => x.Title).HasMaxLength(FreeText.MaxLineLength);
        c.Property(x => x.Email).HasMaxLength(ClaimValidator.MaxEmailLength);
    }
}
