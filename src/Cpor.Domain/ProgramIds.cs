namespace Cpor.Domain;

/// <summary>The incentive programs a claim can count for (CPOR.md §3).</summary>
public static class ProgramIds
{
    public const string OsaSell = "osa-sell";
    public const string OsuBusinessApplications = "osu-bizapps";
    public const string OsuMicrosoft365 = "osu-m365";

    public static readonly IReadOnlyList<string> All = [OsaSell, OsuBusinessApplications, OsuMicrosoft365];
}
