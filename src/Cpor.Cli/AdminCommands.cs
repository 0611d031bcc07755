using System.CommandLine;

namespace Cpor.Cli;

/// <summary><c>cpor admin …</c>: partner organisations, MPN IDs, users and holidays.</summary>
internal static class AdminCommands
{
    public static Command Build(Func<ParseResult, Api> connect)
    {
        var admin = new Command("admin", "Administration (program admin; a partner's global admin for its organisation)");

        var name = new Argument<string>("name") { Description = "Organisation name" };
        admin.Subcommands.Add(CliApp.Run(new Command("partner-create", "Create a partner organisation") { name }, connect, async (parse, api, ct) =>
            api.Print(await api.PostJsonAsync("/api/v1/admin/partners", new { name = parse.GetValue(name) }, ct))));

        var org = new Argument<string>("organisation") { Description = "Partner organisation id" };
        var mpn = new Argument<string>("mpn") { Description = "MPN ID (digits)" };
        var programs = new Option<string[]>("--program") { Description = "osa-sell, osu-bizapps, osu-m365 (repeatable)", AllowMultipleArgumentsPerToken = true };
        var location = new Option<string?>("--location") { Description = "Location name" };
        admin.Subcommands.Add(CliApp.Run(new Command("mpn-add", "Add an MPN ID with its program enrolments") { org, mpn, programs, location }, connect, async (parse, api, ct) =>
            api.Print(await api.PostJsonAsync($"/api/v1/admin/partners/{parse.GetValue(org)}/mpns",
                new { mpnId = parse.GetValue(mpn), name = parse.GetValue(location), programs = parse.GetValue(programs) ?? [] }, ct))));

        var email = new Argument<string>("email") { Description = "The user's e-mail address" };
        var roles = new Option<string[]>("--role") { Description = "GlobalAdmin, IncentivesAdmin, BillingAdmin, IncentivesUser, Reviewer, ProgramAdmin, CustomerAdmin (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var partner = new Option<string?>("--org") { Description = "Partner organisation id (partner roles)" };
        var tenant = new Option<string?>("--tenant") { Description = "Tenant ID (customer admin)" };
        var language = new Option<string?>("--language") { Description = "en, fr or it" };
        var password = new Option<string?>("--password") { Description = "Initial password (default: a generated one, printed once)" };
        admin.Subcommands.Add(CliApp.Run(new Command("user-create", "Create a user") { email, roles, partner, tenant, language, password }, connect, async (parse, api, ct) =>
            api.Print(await api.PostJsonAsync("/api/v1/admin/users", new
            {
                email = parse.GetValue(email),
                roles = parse.GetValue(roles),
                partnerOrgId = parse.GetValue(partner),
                tenantId = parse.GetValue(tenant),
                language = parse.GetValue(language),
                password = parse.GetValue(password),
            }, ct))));

        var days = new Argument<string[]>("holidays") { Description = "yyyy-MM-dd or yyyy-MM-dd=Name, replacing the whole calendar", Arity = ArgumentArity.ZeroOrMore };
        admin.Subcommands.Add(CliApp.Run(new Command("holidays", "Replace the business calendar's holidays") { days }, connect, async (parse, api, ct) =>
        {
            var holidays = (parse.GetValue(days) ?? []).Select(d => d.Split('=', 2)).Select(p => new { date = p[0], name = p.Length > 1 ? p[1] : "" });
            api.Print(await api.SendAsync(HttpMethod.Put, "/api/v1/admin/calendar/holidays",
                new StringContent(System.Text.Json.JsonSerializer.Serialize(new { holidays }, Api.Json), System.Text.Encoding.UTF8, "application/json"), null, ct));
        }));
        return admin;
    }
}
