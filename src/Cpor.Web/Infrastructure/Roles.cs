namespace Cpor.Web.Infrastructure;

/// <summary>The roles of CPOR.md §2, as stored and as sent over the API.</summary>
public static class Roles
{
    public const string GlobalAdmin = "GlobalAdmin";
    public const string IncentivesAdmin = "IncentivesAdmin";
    public const string BillingAdmin = "BillingAdmin";
    public const string IncentivesUser = "IncentivesUser";
    public const string Reviewer = "Reviewer";
    public const string ProgramAdmin = "ProgramAdmin";
    public const string CustomerAdmin = "CustomerAdmin";

    public static readonly IReadOnlyList<string> All =
        [GlobalAdmin, IncentivesAdmin, BillingAdmin, IncentivesUser, Reviewer, ProgramAdmin, CustomerAdmin];

    /// <summary>Roles that belong to a partner organisation.</summary>
    public static readonly IReadOnlySet<string> Partner = new HashSet<string>([GlobalAdmin, IncentivesAdmin, BillingAdmin, IncentivesUser]);
}
