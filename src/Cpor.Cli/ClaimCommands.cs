using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cpor.Cli;

/// <summary><c>cpor claims …</c>: list, read, create, edit, attach, submit, withdraw, dispute, comment, history, export.</summary>
internal static class ClaimCommands
{
    public static Command Build(Func<ParseResult, Api> connect)
    {
        var claims = new Command("claims", "Work with claims");
        var id = new Argument<string>("id") { Description = "Claim id" };
        var file = new Argument<FileInfo>("file") { Description = "A JSON file" };

        var status = new Option<string?>("--status") { Description = "Draft, Submitted, InReview… (comma-separated)" };
        var search = new Option<string?>("--q") { Description = "Search in names and domains" };
        var overdue = new Option<bool?>("--overdue") { Description = "Only overdue (true) or on time (false)" };
        var competing = new Option<bool?>("--competing") { Description = "Only competing (true) or not (false)" };
        var sort = new Option<string?>("--sort") { Description = "createdAt (default), dueAt or updatedAt" };
        var all = new Option<bool>("--all") { Description = "Follow every page" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        claims.Subcommands.Add(CliApp.Run(new Command("list", "List claims (one line each, or --json)") { status, search, overdue, competing, sort, all, json }, connect, async (parse, api, ct) =>
        {
            var query = Query(("status", parse.GetValue(status)), ("q", parse.GetValue(search)), ("overdue", Text(parse.GetValue(overdue))),
                ("competing", Text(parse.GetValue(competing))), ("sort", parse.GetValue(sort)), ("limit", "200"));
            string? cursor = null;
            var items = new JsonArray();
            do
            {
                var page = await api.GetAsync("/api/v1/claims" + query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), ct);
                foreach (var item in page!["items"]!.AsArray())
                {
                    items.Add(item!.DeepClone());
                }

                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null && parse.GetValue(all));

            if (parse.GetValue(json))
            {
                api.Print(items);
                return;
            }

            foreach (var claim in items)
            {
                var flags = (claim!["overdue"]!.GetValue<bool>() ? " overdue" : "") + (claim["competing"]!.GetValue<bool>() ? " competing" : "");
                await api.Output.WriteLineAsync($"{claim["id"]}\t{claim["status"]}{flags}\t{claim["dueAt"] ?? "-"}\t{claim["name"]}");
            }
        }));

        claims.Subcommands.Add(CliApp.Run(new Command("get", "Show one claim") { id }, connect,
            async (parse, api, ct) => api.Print(await api.GetAsync($"/api/v1/claims/{parse.GetValue(id)}", ct))));

        claims.Subcommands.Add(CliApp.Run(new Command("create", "Create a draft from a JSON file (the API's claim fields)") { file }, connect, async (parse, api, ct) =>
            api.Print(await api.PostJsonAsync("/api/v1/claims", await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, ct), ct))));

        claims.Subcommands.Add(CliApp.Run(new Command("edit", "Apply a JSON merge patch file to a claim") { id, file }, connect, async (parse, api, ct) =>
        {
            var current = await api.GetAsync($"/api/v1/claims/{parse.GetValue(id)}", ct);
            var patch = new StringContent(await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, ct), Encoding.UTF8, "application/merge-patch+json");
            api.Print(await api.SendAsync(HttpMethod.Patch, $"/api/v1/claims/{parse.GetValue(id)}", patch, $"\"{current!["version"]}\"", ct));
        }));

        var attachment = new Argument<FileInfo>("file") { Description = "A PoE file: PDF, Office document, image or e-mail" };
        claims.Subcommands.Add(CliApp.Run(new Command("attach", "Add a proof-of-execution file") { id, attachment }, connect, async (parse, api, ct) =>
        {
            var path = parse.GetValue(attachment)!;
            using var form = new MultipartFormDataContent();
            var content = new StreamContent(path.OpenRead());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", path.Name);
            api.Print(await api.SendAsync(HttpMethod.Post, $"/api/v1/claims/{parse.GetValue(id)}/attachments", form, null, ct));
        }));

        claims.Subcommands.Add(Transition("submit", "Submit (or resubmit) a claim", id, connect, _ => new { }));
        var comment = new Option<string?>("--comment") { Description = "Why" };
        claims.Subcommands.Add(Transition("withdraw", "Withdraw a claim, or end its Active association", id, connect, parse => new { comment = parse.GetValue(comment) }, comment));
        var justification = new Option<string>("--justification") { Description = "The business justification", Required = true };
        claims.Subcommands.Add(Transition("dispute", "Dispute a rejection (within 30 days)", id, connect, parse => new { justification = parse.GetValue(justification) }, justification));

        var text = new Argument<string>("text") { Description = "The comment" };
        claims.Subcommands.Add(CliApp.Run(new Command("comment", "Add a comment") { id, text }, connect, async (parse, api, ct) =>
            api.Print(await api.PostJsonAsync($"/api/v1/claims/{parse.GetValue(id)}/comments", new { body = parse.GetValue(text) }, ct))));

        claims.Subcommands.Add(CliApp.Run(new Command("history", "Show a claim's history, oldest first") { id }, connect, async (parse, api, ct) =>
        {
            foreach (var entry in (await api.GetAsync($"/api/v1/claims/{parse.GetValue(id)}/history?limit=200", ct))!["items"]!.AsArray())
            {
                var change = entry!["toStatus"] is { } to ? $" {entry["fromStatus"]} → {to}" : "";
                await api.Output.WriteLineAsync($"{entry["at"]}\t{entry["actor"]!["name"]} ({entry["actor"]!["kind"]})\t{entry["action"]}{change}{(entry["reason"] is { } r ? $" ({r})" : "")}");
            }
        }));

        var output = new Option<FileInfo>("--out") { Description = "CSV file to write", Required = true };
        claims.Subcommands.Add(CliApp.Run(new Command("export", "Export claims as CSV") { status, search, output }, connect, async (parse, api, ct) =>
        {
            await using var csv = await api.DownloadAsync("/api/v1/claims/export.csv" + Query(("status", parse.GetValue(status)), ("q", parse.GetValue(search))), ct);
            await using var target = parse.GetValue(output)!.Create();
            await csv.CopyToAsync(target, ct);
        }));
        return claims;
    }

    private static Command Transition(string name, string description, Argument<string> id, Func<ParseResult, Api> connect, Func<ParseResult, object> body, params Option[] options)
    {
        var command = new Command(name, description) { id };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return CliApp.Run(command, connect, async (parse, api, ct) =>
            api.Print(await api.PostJsonAsync($"/api/v1/claims/{parse.GetValue(id)}/{name}", body(parse), ct)));
    }

    internal static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    private static string? Text(bool? value) => value?.ToString().ToLowerInvariant();
}
