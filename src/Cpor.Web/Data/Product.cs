using Cpor.Domain;

namespace Cpor.Web.Data;

/// <summary>A product or workload of the catalog.</summary>
public sealed class Product
{
    public string Id { get; set; } = "";

    public SolutionArea SolutionArea { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Dynamics 365 products need the customer's technical contact.</summary>
    public bool RequiresTechnicalContact { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }

    public ProductInfo ToInfo() => new(Id, SolutionArea, Name, RequiresTechnicalContact, Active);
}
