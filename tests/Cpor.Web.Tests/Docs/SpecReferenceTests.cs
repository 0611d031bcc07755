using System.Text.RegularExpressions;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Docs;

/// <summary>
/// Comments cite the specification as <c>CPOR.md §n</c> and <c>API.md</c>; the project keeps it in
/// <c>docs/spec/</c>, so every citation must name a file and a section that exist there.
/// </summary>
public partial class SpecReferenceTests
{
    private static readonly string[] SourceFolders = ["src", "tests", "bench", "scripts"];
    private static readonly string[] SourceEndings = [".cs", ".cshtml", ".sql", ".sh", ".py", ".resx", ".css"];

    [Fact]
    public void EveryCitationOfTheSpecificationResolves()
    {
        var unresolved = new List<string>();
        var citations = 0;
        foreach (var (file, line, document, section) in Citations())
        {
            citations++;
            var path = Repository.PathOf("docs", "spec", document);
            if (!File.Exists(path))
            {
                unresolved.Add($"{file}:{line} cites {document}, which docs/spec lacks");
            }
            else if (section is not null && !Headings(path).Contains(section))
            {
                unresolved.Add($"{file}:{line} cites {document} §{section}, which has no such section");
            }
        }

        Assert.True(citations > 50, $"only {citations} citations found: is the scan looking in the right place?");
        Assert.True(unresolved.Count == 0, string.Join("\n", unresolved));
    }

    [Fact]
    public void TheRepositoryCopyMatchesTheProductOwnersStatementWhenItIsBeside()
    {
        // shared/spec stands beside the checkout on the team's machines and in CI; elsewhere
        // (a plain clone) there is nothing to compare with.
        var statement = Path.Combine(Path.GetDirectoryName(Repository.Root)!, "shared", "spec");
        if (!Directory.Exists(statement))
        {
            return;
        }

        foreach (var source in Directory.GetFiles(statement, "*.md"))
        {
            var copy = Repository.PathOf("docs", "spec", Path.GetFileName(source));
            Assert.True(File.Exists(copy), $"docs/spec lacks {Path.GetFileName(source)}");
            Assert.True(File.ReadAllText(source) == File.ReadAllText(copy), $"docs/spec/{Path.GetFileName(source)} differs from shared/spec: bring the change in");
        }
    }

    private static IEnumerable<(string File, int Line, string Document, string? Section)> Citations()
    {
        foreach (var folder in SourceFolders)
        {
            var root = Repository.PathOf(folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (!SourceEndings.Contains(Path.GetExtension(file)) || IsBuildOutput(file))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    foreach (Match match in Citation().Matches(lines[i]))
                    {
                        var section = match.Groups["section"].Success ? match.Groups["section"].Value : null;
                        yield return (Path.GetRelativePath(Repository.Root, file), i + 1, match.Groups["doc"].Value, section);
                    }
                }
            }
        }
    }

    private static bool IsBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules");

    /// <summary>The numbers of a document's numbered headings: "## 5. Lifecycle" is §5.</summary>
    private static HashSet<string> Headings(string path) =>
        [.. File.ReadLines(path).Select(l => Heading().Match(l)).Where(m => m.Success).Select(m => m.Groups["number"].Value)];

    // A section number ends at a space or punctuation: "§5." is §5 at the end of a sentence.
    [GeneratedRegex(@"\b(?<doc>CPOR\.md|API\.md)(?:\s?§\s?(?<section>\d+(?:\.\d+)*))?")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^#{1,6}\s+(?<number>\d+(?:\.\d+)*)\.?\s")]
    private static partial Regex Heading();
}
