using System.Text.Json;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Operations;

/// <summary>The problem answers the OpenAPI document promises, declared once per kind of endpoint.</summary>
public class ApiDocsTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly string[] ChangeMethods = ["post", "put", "patch", "delete"];

    [Fact]
    public async Task OpenApiDocument_Submit_ListsTheProblemsOfAClaimChange()
    {
        var paths = await PathsAsync();

        var responses = Responses(paths.GetProperty("/api/v1/claims/{id}/submit").GetProperty("post"));

        Assert.Equal([], new[] { "403", "404", "412", "422" }.Except(responses));
    }

    [Fact]
    public async Task OpenApiDocument_EveryChangeUnderAClaim_ListsNotFoundAndPreconditionFailed()
    {
        var paths = await PathsAsync();

        var changes = paths.EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/claims/{id}/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(m => ChangeMethods.Contains(m.Name)).Select(m => (Route: $"{m.Name.ToUpperInvariant()} {p.Name}", Operation: m.Value)))
            .ToList();
        var lacking = changes.Where(c => !Responses(c.Operation).IsSupersetOf(["404", "412"])).Select(c => c.Route).ToList();

        Assert.True(changes.Count >= 10, $"only {changes.Count} changes under /api/v1/claims/{{id}}/ documented");
        Assert.True(lacking.Count == 0, "no 404 or 412 documented on: " + string.Join(", ", lacking));
    }

    [Fact]
    public async Task OpenApiDocument_Edit_ListsIfMatchRequired()
    {
        var paths = await PathsAsync();

        var responses = Responses(paths.GetProperty("/api/v1/claims/{id}").GetProperty("patch"));

        Assert.Equal([], new[] { "403", "404", "409", "412", "422", "428" }.Except(responses));
    }

    private async Task<JsonElement> PathsAsync()
    {
        var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        return document.GetProperty("paths");
    }

    private static HashSet<string> Responses(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
}
