using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cpor.Cli;

/// <summary>The CLI's view of the HTTP API: requests with the session's token, problems turned into readable errors.</summary>
public sealed class Api(HttpClient http, TextWriter output, TextWriter error)
{
    /// <summary>Indented, and accented letters as they are (a terminal, not a web page, reads this output).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public TextWriter Output => output;

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? ifMatch = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException((int)response.StatusCode, Describe(text, response.ReasonPhrase));
        }

        return text.Length == 0 || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true
            ? (text.Length == 0 ? null : JsonValue.Create(text))
            : JsonNode.Parse(text);
    }

    public Task<JsonNode?> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, null, ct);

    public Task<JsonNode?> PostJsonAsync(string path, object body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, new StringContent(body as string ?? JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"), null, ct);

    public async Task<Stream> DownloadAsync(string path, CancellationToken ct)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException((int)response.StatusCode, Describe(await response.Content.ReadAsStringAsync(ct), response.ReasonPhrase));
        }

        return await response.Content.ReadAsStreamAsync(ct);
    }

    public void Print(JsonNode? node) => output.WriteLine(node?.ToJsonString(Json) ?? "");

    public void Fail(string message) => error.WriteLine(message);

    /// <summary>"title: detail" and each field's messages, from a problem details body.</summary>
    private static string Describe(string body, string? fallback)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            var lines = new StringBuilder($"{problem?["title"]}: {problem?["detail"]} [{problem?["code"]}]");
            if (problem?["errors"] is JsonObject errors)
            {
                foreach (var (field, messages) in errors)
                {
                    lines.Append($"\n  {field}: {string.Join(" ", messages!.AsArray().Select(m => m?.ToString()))}");
                }
            }

            return lines.ToString();
        }
        catch (JsonException)
        {
            return string.IsNullOrWhiteSpace(body) ? fallback ?? "error" : body;
        }
    }
}

/// <summary>A refused request; the exit code tells scripts whether to retry (5xx) or not (4xx).</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>The API did what it could but refused some of the input (an import's lines); the report says which.</summary>
public sealed class PartlyRefusedException(string message) : Exception(message);
