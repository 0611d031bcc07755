using System.Reflection;
using Cpor.Domain;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Tests.Resources;

public class ErrorReferenceTests
{
    [Fact]
    public void DocsApiErrors_ListsEveryCodeWithItsStatus()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Cpor.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var reference = File.ReadAllText(Path.Combine(root, "docs", "api-errors.md"));
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        var missing = codes.Where(c => !reference.Contains($"| `{c}` | {Problems.StatusFor(c)} |", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "docs/api-errors.md lacks or misstates: " + string.Join(", ", missing) + " (regenerate with scripts/error-reference.py)");
    }
}
