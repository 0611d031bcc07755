using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpor.Web.Data.Configurations;

internal sealed class PartnerOrgConfiguration : IEntityTypeConfiguration<PartnerOrg>
{
    public void Configure(EntityTypeBuilder<PartnerOrg> b)
    {
        b.ToTable("partner_orgs");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class PartnerLocationConfiguration : IEntityTypeConfiguration<PartnerLocation>
{
    public void Configure(EntityTypeBuilder<PartnerLocation> b)
    {
        b.ToTable("partner_locations");
        b.HasKey(p => p.MpnId);
        b.Property(p => p.MpnId).HasMaxLength(10);
        b.Property(p => p.PartnerOrgId).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasOne<PartnerOrg>().WithMany().HasForeignKey(p => p.PartnerOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PartnerOrgId);
    }
}

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

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.ToTable("tenants");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Country).HasMaxLength(2);
        b.HasMany(t => t.Domains).WithOne().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Workloads).WithOne().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("subscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.ProductId).HasMaxLength(80);
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.TenantId, s.ProductId });
        b.HasIndex(s => s.EndsAt).HasFilter("ends_at IS NOT NULL");
    }
}

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

internal sealed class DigitalPartnerLinkConfiguration : IEntityTypeConfiguration<DigitalPartnerLink>
{
    public void Configure(EntityTypeBuilder<DigitalPartnerLink> b)
    {
        b.ToTable("digital_partner_links");
        b.HasKey(d => d.SubscriptionId);
        b.Property(d => d.PartnerOrgId).HasMaxLength(40);
        b.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartnerOrg>().WithMany().HasForeignKey(d => d.PartnerOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.ToTable("holidays");
        b.HasKey(h => h.Date);
        b.Property(h => h.Name).HasMaxLength(200);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_records");
        b.HasKey(r => new { r.OwnerId, r.Key });
        b.Property(r => r.OwnerId).HasMaxLength(450);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Location).HasMaxLength(400);
        b.Property(r => r.ETag).HasMaxLength(40);
        b.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

internal sealed class CporUserConfiguration : IEntityTypeConfiguration<CporUser>
{
    public void Configure(EntityTypeBuilder<CporUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PartnerOrgId).HasMaxLength(40);
        b.Property(u => u.Language).HasMaxLength(5);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.HasOne<PartnerOrg>().WithMany().HasForeignKey(u => u.PartnerOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.PartnerOrgId);
        b.HasIndex(u => u.TenantId);
    }
}
