using Cpor.Domain;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Tests.Resources;

/// <summary>docs/api-errors.md, written by scripts/error-reference.py, says what the code does.</summary>
public class ErrorReferenceTests
{
    private static readonly string[] Reference = ReadReference();

    [Fact]
    public void DocsApiErrors_ListsEveryCodeWithItsStatus_InItsSection()
    {
        var protocol = Array.IndexOf(Reference, "## Protocol");
        Assert.True(protocol > 0, "docs/api-errors.md has no ## Protocol section (regenerate with scripts/error-reference.py)");

        var missing = ErrorCodes.All.Values
            .Where(e => Row(e.Code) is not { } line
                || !Reference[line].StartsWith($"| `{e.Code}` | {Problems.StatusFor(e.Code)} |", StringComparison.Ordinal)
                || line > protocol != e.IsProtocol)
            .Select(e => e.Code)
            .ToList();

        Assert.True(missing.Count == 0, "docs/api-errors.md lacks or misstates: " + string.Join(", ", missing) + " (regenerate with scripts/error-reference.py)");
    }

    [Fact]
    public void DocsApiErrors_ListsNoCodeThatDoesNotExist()
    {
        var listed = Reference.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split('`')[1]);

        var unknown = listed.Where(c => !ErrorCodes.All.ContainsKey(c)).ToList();

        Assert.True(unknown.Count == 0, "docs/api-errors.md lists unknown codes: " + string.Join(", ", unknown) + " (regenerate with scripts/error-reference.py)");
    }

    [Fact]
    public void StatusFor_EveryCode_IsAnErrorStatus()
    {
        Assert.All(ErrorCodes.All.Keys, c => Assert.InRange(Problems.StatusFor(c), 400, 599));
    }

    [Fact]
    public void StatusFor_UnknownCode_ThrowsRatherThanGuessing()
    {
        Assert.Throws<KeyNotFoundException>(() => Problems.StatusFor("no_such_code"));
    }

    private static int? Row(string code)
    {
        var line = Array.FindIndex(Reference, l => l.StartsWith($"| `{code}` |", StringComparison.Ordinal));
        return line < 0 ? null : line;
    }

    private static string[] ReadReference()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Cpor.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        return File.ReadAllLines(Path.Combine(root, "docs", "api-errors.md"));
    }
}
