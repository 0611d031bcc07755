using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;

namespace Cpor.Cli;

/// <summary>
/// <c>cpor</c>: the CPOR API from a shell or a CI job. Exit codes: 0 done, 1 refused by the API
/// (its localized reason on stderr), 2 server or network failure, 3 not signed in.
/// </summary>
public static class CliApp
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line; <paramref name="clientFor"/> builds the HTTP client for a base URL (tests hand in an in-process one).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<Uri, HttpClient>? clientFor = null, string? sessionPath = null)
    {
        clientFor ??= url => new HttpClient { BaseAddress = url };
        sessionPath ??= Session.DefaultPath;
        var language = new Option<string?>("--lang") { Description = "Language of messages: en, fr or it (default: from $LANG)", Recursive = true };
        var root = new RootCommand("cpor — Claiming Partner of Record from the command line");
        root.Options.Add(language);

        Api Connect(ParseResult parse)
        {
            var session = Session.Load(sessionPath) ?? throw new NotSignedInException();
            var http = clientFor(new Uri(session.Url));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(LanguageOf(parse.GetValue(language)));
            return new Api(http, output, error);
        }

        root.Subcommands.Add(Login(clientFor, sessionPath, output, error));
        root.Subcommands.Add(Run(new Command("whoami", "Show the signed-in user, roles and organisation"), Connect,
            async (_, api, ct) => api.Print(await api.GetAsync("/api/v1/me", ct))));
        root.Subcommands.Add(ClaimCommands.Build(Connect));
        root.Subcommands.Add(DirectoryImport(Connect));
        root.Subcommands.Add(AdminCommands.Build(Connect));
        root.Subcommands.Add(RawRequest(Connect));

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Gives a command an action that connects, runs, and turns failures into exit codes.</summary>
    internal static Command Run(Command command, Func<ParseResult, Api> connect, Func<ParseResult, Api, CancellationToken, Task> action)
    {
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                await action(parse, connect(parse), ct);
                return 0;
            }
            catch (NotSignedInException)
            {
                await error.WriteLineAsync("Not signed in: run `cpor login --url <url> --email <email>` (or set CPOR_URL and CPOR_TOKEN).");
                return 3;
            }
            catch (ApiException e)
            {
                await error.WriteLineAsync(e.Message);
                return e.Status >= 500 ? 2 : 1;
            }
            catch (PartlyRefusedException e)
            {
                await error.WriteLineAsync(e.Message);
                return 4;
            }
            catch (HttpRequestException e)
            {
                await error.WriteLineAsync($"Cannot reach the server: {e.Message}");
                return 2;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Login(Func<Uri, HttpClient> clientFor, string sessionPath, TextWriter output, TextWriter error)
    {
        var url = new Option<string>("--url") { Description = "Base URL of the product", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CPOR_URL") ?? "http://127.0.0.1:5080" };
        var email = new Option<string>("--email") { Description = "Your e-mail address", Required = true };
        var password = new Option<string?>("--password") { Description = "Your password (default: $CPOR_PASSWORD, else read from standard input)" };
        var command = new Command("login", "Sign in and remember the token for the next commands") { url, email, password };
        command.SetAction(async (parse, ct) =>
        {
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("CPOR_PASSWORD") ?? await Console.In.ReadLineAsync(ct) ?? "";
            var baseUrl = new Uri(parse.GetValue(url)!);
            var api = new Api(clientFor(baseUrl), output, error);
            try
            {
                var token = await api.PostJsonAsync("/api/v1/auth/login", new { email = parse.GetValue(email), password = secret }, ct);
                new Session(baseUrl.ToString(), token!["accessToken"]!.GetValue<string>(), token["refreshToken"]?.GetValue<string>()).Save(sessionPath);
                await output.WriteLineAsync($"Signed in to {baseUrl} as {parse.GetValue(email)}.");
                return 0;
            }
            catch (ApiException e)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command DirectoryImport(Func<ParseResult, Api> connect)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "One .ndjson/.jsonl file, or CSV files named tenants.csv, subscriptions.csv, usage.csv, dpor.csv", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything, write nothing" };
        return Run(new Command("import", "Import the customer directory (program admin)") { files, dryRun }, connect, async (parse, api, ct) =>
        {
            // Always as files, so that the report names the file of each refused line.
            using var form = new MultipartFormDataContent();
            foreach (var file in parse.GetValue(files)!)
            {
                form.Add(new StreamContent(file.OpenRead()), Path.GetFileNameWithoutExtension(file.Name), file.Name);
            }

            var query = parse.GetValue(dryRun) ? "?dryRun=true" : "";
            var report = await api.SendAsync(HttpMethod.Post, "/api/v1/admin/directory/import" + query, form, null, ct);
            api.Print(report);
            if (report?["rejectedCount"]?.GetValue<long>() is > 0 and var refused)
            {
                throw new PartlyRefusedException($"{refused} line(s) refused: see \"rejected\" in the report.");
            }
        });
    }

    private static Command RawRequest(Func<ParseResult, Api> connect)
    {
        var method = new Argument<string>("method") { Description = "GET, POST, PUT, PATCH or DELETE" };
        var path = new Argument<string>("path") { Description = "For example /api/v1/catalog" };
        var data = new Option<string?>("--data") { Description = "JSON body, or @file.json" };
        var ifMatch = new Option<string?>("--if-match") { Description = "ETag for PATCH" };
        return Run(new Command("api", "Send any request to the API and print the answer") { method, path, data, ifMatch }, connect, async (parse, api, ct) =>
        {
            var body = parse.GetValue(data);
            if (body?.StartsWith('@') == true)
            {
                body = await File.ReadAllTextAsync(body[1..], ct);
            }

            var content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
            var tag = parse.GetValue(ifMatch)?.Trim('"');
            api.Print(await api.SendAsync(new HttpMethod(parse.GetValue(method)!.ToUpperInvariant()), parse.GetValue(path)!, content, tag is null ? null : $"\"{tag}\"", ct));
        });
    }

    /// <summary>--lang, else the first two letters of $LANG (fr_FR.UTF-8 → fr); English otherwise.</summary>
    private static string LanguageOf(string? option)
    {
        var wanted = (option ?? Environment.GetEnvironmentVariable("LANG") ?? "en").ToLowerInvariant();
        return wanted.StartsWith("fr", StringComparison.Ordinal) ? "fr" : wanted.StartsWith("it", StringComparison.Ordinal) ? "it" : "en";
    }

    private sealed class NotSignedInException : Exception;
}
