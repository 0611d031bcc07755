namespace Cpor.Domain;

/// <summary>The two solution areas a claim can be filed under.</summary>
public enum SolutionArea
{
    BusinessApplications,
    Microsoft365,
}
