using System.Text.Json;

namespace Cpor.Cli;

/// <summary>Where the CLI talks to and with which token; kept in ~/.config/cpor/session.json (owner-only).</summary>
public sealed record Session(string Url, string AccessToken, string? RefreshToken)
{
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("CPOR_SESSION")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "cpor", "session.json");

    /// <summary>CPOR_URL + CPOR_TOKEN (for CI jobs) win over the stored session.</summary>
    public static Session? Load(string path)
    {
        var url = Environment.GetEnvironmentVariable("CPOR_URL");
        var token = Environment.GetEnvironmentVariable("CPOR_TOKEN");
        if (!string.IsNullOrEmpty(url) && !string.IsNullOrEmpty(token))
        {
            return new Session(url, token, null);
        }

        return File.Exists(path) ? JsonSerializer.Deserialize<Session>(File.ReadAllText(path), Api.Json) : null;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Api.Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
