using System.Text;
using System.Text.Json;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Directory;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Demo;

/// <summary>A demo account, printed at start so a newcomer can try every role.</summary>
public sealed record DemoAccount(string Email, string Role, string Who);

/// <summary>
/// Seeds an empty database with a world to try: three partner organisations with enrolled and
/// unenrolled MPN IDs, a user per role, the demo directory with two years of usage, and claims
/// in every status — each built through the claim lifecycle, so its history is real. Official
/// associations hold units whose usage takes off after the partner's association, two legacy
/// associations come in through the directory import, and digital partners of record are linked
/// to subscriptions a claimed partner holds (CPOR.md §10, §12).
/// </summary>
public sealed class DemoWorld(
    CporDb db,
    UserManager<CporUser> users,
    DirectoryImporter importer,
    ClaimDirectory directory,
    IAttachmentStore store,
    TimeProvider time,
    IOptions<CporOptions> options,
    ILogger<DemoWorld> logger)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("reviewer@cpor.example", Roles.Reviewer, "Program reviewer"),
        new("programs@cpor.example", Roles.ProgramAdmin, "Program admin"),
        new("global@contoso.example", Roles.GlobalAdmin, "Contoso Cloud Partners (fr)"),
        new("incentives@contoso.example", Roles.IncentivesAdmin, "Contoso Cloud Partners (fr)"),
        new("billing@contoso.example", Roles.BillingAdmin, "Contoso Cloud Partners"),
        new("viewer@contoso.example", Roles.IncentivesUser, "Contoso Cloud Partners"),
        new("incentives@fabrikam.example", Roles.IncentivesAdmin, "Fabrikam Digital (it)"),
        new("incentives@northwind.example", Roles.IncentivesAdmin, "Northwind Advisory"),
        new("it@adatum.example", Roles.CustomerAdmin, "Adatum Corporation (customer)"),
        new("it@trey-research.example", Roles.CustomerAdmin, "Trey Research (customer)"),
    ];

    // How many days ago the claims behind the official associations were created: they became
    // Active eleven days later (ActivateAsync), and their units' usage takes off from then.
    private const int AdatumUsageDays = 300;
    private const int AdatumServiceDays = 240;
    private const int TreySalesDays = 400;
    private const int TreyIntuneDays = 420;

    private readonly Dictionary<string, CporUser> _users = [];
    private DateTimeOffset _now;
    private ClaimTimings _timings = new();
    private BusinessCalendar _calendar = BusinessCalendar.WeekendsOnly;

    /// <summary>
    /// Seeds in one transaction under a lock: servers starting together seed once, and a failure
    /// leaves the database empty rather than half seeded.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4850195021)", ct);
        if (await db.PartnerOrgs.AnyAsync(ct))
        {
            return false;
        }

        await SeedAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        _now = time.GetUtcNow();
        _timings = options.Value.Timings;
        _calendar = new BusinessCalendar(await db.Holidays.Select(h => h.Date).ToListAsync(ct));

        var contoso = Org("Contoso Cloud Partners", ("4100001", "Paris", ProgramIds.All), ("4100002", "Lyon", [ProgramIds.OsuMicrosoft365]), ("4100003", "Lille", []));
        var fabrikam = Org("Fabrikam Digital", ("5200001", "Milano", ProgramIds.All), ("5200002", "Roma", [ProgramIds.OsuMicrosoft365]));
        var northwind = Org("Northwind Advisory", ("6300001", "Seattle", [ProgramIds.OsaSell, ProgramIds.OsuBusinessApplications]), ("6300002", "Boston", [ProgramIds.OsuMicrosoft365]));
        await db.SaveChangesAsync(ct);

        var world = new DemoDirectory(DemoDirectory.DefaultSeed, 50, 24, _now,
        [
            new DemoCampaign(0, "exchange-online", Days(11 - AdatumUsageDays)),
            new DemoCampaign(0, "onedrive", Days(11 - AdatumUsageDays)),
            new DemoCampaign(0, "dynamics-365-customer-service", Days(11 - AdatumServiceDays)),
            new DemoCampaign(4, "dynamics-365-sales", Days(11 - TreySalesDays)),
            new DemoCampaign(4, "intune", Days(11 - TreyIntuneDays)),
        ]);
        // Associations made before CPOR (CPOR.md §12): Fabrikam's Power BI usage at Trey Research
        // ends with its subscription; Northwind's revenue association at Adatum earns no payment.
        string[] legacy =
        [
            JsonSerializer.Serialize(new
            {
                type = "legacyAssociation", partnerOrgId = fabrikam.Id, mpnId = "5200001", tenantId = world.Tenants[4].Id, productId = "power-bi-pro",
                subscriptionId = world.Tenants[4].Subscriptions[1].Id, activity = nameof(Activity.Usage), activeFrom = Days(-700).ToString("O"),
            }),
            JsonSerializer.Serialize(new
            {
                type = "legacyAssociation", partnerOrgId = northwind.Id, mpnId = "6300001", tenantId = world.Tenants[0].Id, productId = "dynamics-365-sales",
                subscriptionId = world.Tenants[0].Subscriptions[0].Id, activity = nameof(Activity.RevenueAssociation), activeFrom = Days(-500).ToString("O"),
            }),
        ];
        var report = await importer.ImportAsync(Lines(world.JsonLines().Concat(legacy)), dryRun: false, ct);
        if (report.RejectedCount > 0)
        {
            throw new InvalidOperationException($"The demo directory has {report.RejectedCount} invalid records, first: {report.Rejected[0]}");
        }

        var adatum = world.Tenants[0];
        var alpine = world.Tenants[1];
        var coho = world.Tenants[2];
        var trey = world.Tenants[4];
        db.DigitalPartnerLinks.Add(new DigitalPartnerLink { SubscriptionId = adatum.Subscriptions[0].Id, PartnerOrgId = fabrikam.Id, UpdatedAt = _now });
        // Contoso is Trey's digital partner of record on Sales; Northwind, the claimed one, outranks it.
        db.DigitalPartnerLinks.Add(new DigitalPartnerLink { SubscriptionId = trey.Subscriptions[0].Id, PartnerOrgId = contoso.Id, UpdatedAt = _now });

        var password = options.Value.Demo.Password;
        await UserAsync("reviewer@cpor.example", "Rita Reviewer", Roles.Reviewer, null, null, "en", password);
        await UserAsync("programs@cpor.example", "Paolo Admin", Roles.ProgramAdmin, null, null, "it", password);
        await UserAsync("global@contoso.example", "Camille Martin", Roles.GlobalAdmin, contoso.Id, null, "fr", password);
        await UserAsync("incentives@contoso.example", "Julien Bernard", Roles.IncentivesAdmin, contoso.Id, null, "fr", password);
        await UserAsync("billing@contoso.example", "Léa Petit", Roles.BillingAdmin, contoso.Id, null, "fr", password);
        await UserAsync("viewer@contoso.example", "Hugo Robert", Roles.IncentivesUser, contoso.Id, null, "en", password);
        await UserAsync("incentives@fabrikam.example", "Giulia Rossi", Roles.IncentivesAdmin, fabrikam.Id, null, "it", password);
        await UserAsync("incentives@northwind.example", "Sam Carter", Roles.IncentivesAdmin, northwind.Id, null, "en", password);
        await UserAsync("it@adatum.example", "Adatum IT", Roles.CustomerAdmin, null, adatum.Id, "fr", password);
        await UserAsync("it@trey-research.example", "Trey IT", Roles.CustomerAdmin, null, trey.Id, "en", password);

        var julien = Partner("incentives@contoso.example");
        var giulia = Partner("incentives@fabrikam.example");
        var sam = Partner("incentives@northwind.example");
        var rita = new Actor(ActorKind.Reviewer, _users["reviewer@cpor.example"].Id, "Rita Reviewer");
        var customer = new Actor(ActorKind.Customer, _users["it@adatum.example"].Id, "Adatum IT");

        // Draft: M365 usage, PoE still missing.
        await ClaimAsync(contoso, julien, "4100001", adatum, "Adatum — Teams adoption", SolutionArea.Microsoft365, Activity.Usage, [("teams", null), ("sharepoint-online", null)], Days(-1));

        // Submitted yesterday, and one submitted long enough ago to be overdue.
        var submitted = await ClaimAsync(contoso, julien, "4100002", coho, "Coho — Exchange migration", SolutionArea.Microsoft365, Activity.Usage, [("exchange-online", null)], Days(-3));
        await SubmitAsync(submitted, julien, Days(-1));
        var overdue = await ClaimAsync(fabrikam, giulia, "5200002", alpine, "Alpine — Teams rollout", SolutionArea.Microsoft365, Activity.Usage, [("teams", null)], Days(-14));
        await SubmitAsync(overdue, giulia, Days(-12));

        // In review, and waiting for the partner's answer.
        var inReview = await ClaimAsync(fabrikam, giulia, "5200001", adatum, "Adatum — Intune deployment", SolutionArea.Microsoft365, Activity.Usage, [("intune", null)], Days(-6));
        await SubmitAsync(inReview, giulia, Days(-5));
        Do(inReview.StartReview(Ctx(rita, Days(-2))));
        var waiting = await ClaimAsync(contoso, julien, "4100001", alpine, "Alpine — Dynamics 365 Sales onboarding", SolutionArea.BusinessApplications, Activity.Usage, [("dynamics-365-sales", alpine.Subscriptions[0].Id)], Days(-8));
        await SubmitAsync(waiting, julien, Days(-7));
        Do(waiting.StartReview(Ctx(rita, Days(-5))));
        Do(waiting.RequestInfo([InfoRequestReason.CustomerSignatureMissing, InfoRequestReason.DatesMissingOrOld], "Please add the customer's signed acknowledgement with dates.", Ctx(rita, Days(-2))));

        // Approved: the customer (it@adatum.example) can still opt out.
        var approved = await ClaimAsync(contoso, julien, "4100001", adatum, "Adatum — Dynamics 365 Sales pre-sales", SolutionArea.BusinessApplications, Activity.PreSales, [("dynamics-365-sales", adatum.Subscriptions[0].Id)], Days(-10));
        await SubmitAsync(approved, julien, Days(-9));
        Do(approved.StartReview(Ctx(rita, Days(-8))));
        Do(approved.Approve(7, "Proof is complete.", Ctx(rita, Days(-2))));

        // Active associations: an M365 workload and a Business Applications subscription.
        var active = await ClaimAsync(contoso, julien, "4100001", adatum, "Adatum — Exchange and OneDrive usage", SolutionArea.Microsoft365, Activity.Usage, [("exchange-online", null), ("onedrive", null)], Days(-AdatumUsageDays));
        await ActivateAsync(active, julien, rita, Days(2 - AdatumUsageDays));
        var activeBiz = await ClaimAsync(fabrikam, giulia, "5200001", adatum, "Adatum — Customer Service usage", SolutionArea.BusinessApplications, Activity.Usage, [("dynamics-365-customer-service", adatum.Subscriptions[1].Id)], Days(-AdatumServiceDays));
        await ActivateAsync(activeBiz, giulia, rita, Days(2 - AdatumServiceDays));
        var activeTrey = await ClaimAsync(northwind, sam, "6300001", trey, "Trey — Sales usage", SolutionArea.BusinessApplications, Activity.Usage, [("dynamics-365-sales", trey.Subscriptions[0].Id)], Days(-TreySalesDays));
        await ActivateAsync(activeTrey, sam, rita, Days(2 - TreySalesDays));

        // Rejected, disputable; and rejected then disputed.
        var rejected = await ClaimAsync(contoso, julien, "4100001", coho, "Coho — Finance pre-sales", SolutionArea.BusinessApplications, Activity.PreSales, [("dynamics-365-finance", coho.Subscriptions[0].Id)], Days(-12));
        await SubmitAsync(rejected, julien, Days(-11));
        Do(rejected.StartReview(Ctx(rita, Days(-9))));
        Do(rejected.Reject(RejectionReason.InsufficientPoe, "The document does not describe the pre-sales work.", Ctx(rita, Days(-3))));
        var disputed = await ClaimAsync(fabrikam, giulia, "5200001", coho, "Coho — Teams usage", SolutionArea.Microsoft365, Activity.Usage, [("teams", null)], Days(-20));
        await SubmitAsync(disputed, giulia, Days(-19));
        Do(disputed.StartReview(Ctx(rita, Days(-17))));
        Do(disputed.Reject(RejectionReason.CustomerConsentMissing, "The customer's acknowledgement is missing.", Ctx(rita, Days(-10))));
        await AttachAsync(disputed, giulia, "acknowledgement-signed.pdf", Days(-3));
        Do(disputed.Dispute("The signed acknowledgement is now attached.", Ctx(giulia, Days(-2))));

        // The customer opted out; an association that ended.
        var optedOut = await ClaimAsync(northwind, sam, "6300001", adatum, "Adatum — Power BI usage", SolutionArea.BusinessApplications, Activity.Usage, [("power-bi-pro", adatum.Subscriptions[2].Id)], Days(-15));
        await SubmitAsync(optedOut, sam, Days(-14));
        Do(optedOut.StartReview(Ctx(rita, Days(-12))));
        Do(optedOut.Approve(7, null, Ctx(rita, Days(-8))));
        Do(optedOut.OptOut("We work with another partner for reporting.", Ctx(customer, Days(-6))));
        var ended = await ClaimAsync(northwind, sam, "6300002", trey, "Trey — Intune usage", SolutionArea.Microsoft365, Activity.Usage, [("intune", null)], Days(-TreyIntuneDays));
        await ActivateAsync(ended, sam, rita, Days(2 - TreyIntuneDays));
        Do(ended.EndAssociation(EndReason.CustomerEnded, null, Ctx(new Actor(ActorKind.Customer, _users["it@trey-research.example"].Id, "Trey IT"), Days(-60))));

        // Competing: two partners claim Teams on Trey Research.
        var first = await ClaimAsync(contoso, julien, "4100001", trey, "Trey — Teams adoption", SolutionArea.Microsoft365, Activity.Usage, [("teams", null)], Days(-9));
        await SubmitAsync(first, julien, Days(-8));
        Do(first.StartReview(Ctx(rita, Days(-4))));
        var second = await ClaimAsync(fabrikam, giulia, "5200002", trey, "Trey Research — Microsoft Teams", SolutionArea.Microsoft365, Activity.Usage, [("teams", null)], Days(-5), competing: true);
        first.MarkCompeting(Ctx(Actor.System, Days(-5)));
        await SubmitAsync(second, giulia, Days(-4));

        // Revenue association draft.
        await ClaimAsync(northwind, sam, "6300001", coho, "Coho — ISV revenue attribution", SolutionArea.BusinessApplications, Activity.RevenueAssociation, [("dynamics-365-finance", coho.Subscriptions[0].Id)], Days(-1),
            revenue: new RevenueAssociationInput("Northwind Advisory", "Coho Winery", "Vintage Ledger for Dynamics 365"));

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the demo world: {Tenants} tenants, {Claims} claims", world.Tenants.Count, await db.Claims.CountAsync(ct));
    }

    private static async IAsyncEnumerable<ImportLine> Lines(IEnumerable<string> lines)
    {
        long number = 0;
        foreach (var json in lines)
        {
            number++;
            using var document = JsonDocument.Parse(json);
            yield return new ImportLine(number, document.RootElement.GetProperty("type").GetString(), ImportFields.FromJson(document.RootElement.Clone()));
        }

        await Task.CompletedTask;
    }

    private PartnerOrg Org(string name, params (string MpnId, string Location, IReadOnlyList<string> Programs)[] locations)
    {
        var org = new PartnerOrg { Id = Ids.New("org", _now), Name = name, CreatedAt = _now };
        db.PartnerOrgs.Add(org);
        foreach (var (mpnId, location, programs) in locations)
        {
            db.PartnerLocations.Add(new PartnerLocation { MpnId = mpnId, PartnerOrgId = org.Id, Name = location, Programs = [.. programs], CreatedAt = _now });
        }

        return org;
    }

    private async Task UserAsync(string email, string name, string role, string? partnerOrgId, Guid? tenantId, string language, string password)
    {
        var user = new CporUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PartnerOrgId = partnerOrgId,
            TenantId = tenantId,
            Language = language,
            TimeZone = language == "en" ? "UTC" : "Europe/Paris",
            CreatedAt = _now,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        _users[email] = user;
    }

    private Actor Partner(string email) => new(ActorKind.Partner, _users[email].Id, _users[email].DisplayName);

    private DateTimeOffset Days(int days) => _now.AddDays(days);

    private TransitionContext Ctx(Actor actor, DateTimeOffset at) => new(actor, at, _calendar, _timings);

    private async Task<Claim> ClaimAsync(
        PartnerOrg org, Actor by, string mpnId, DemoTenant tenant, string name, SolutionArea area, Activity activity,
        (string ProductId, Guid? SubscriptionId)[] products, DateTimeOffset at, bool competing = false, RevenueAssociationInput? revenue = null)
    {
        var needsTechnical = products.Any(p => p.ProductId.StartsWith("dynamics-365-", StringComparison.Ordinal));
        var input = new ClaimInput(
            name, null, mpnId, tenant.Id.ToString("D"), tenant.Domain, area.ToString(), activity.ToString(),
            [.. products.Select(p => new ProductInput(p.ProductId, p.SubscriptionId?.ToString("D")))],
            new ContactInput("Morgan Lee", "IT Director", $"morgan.lee@{tenant.Domain}"),
            needsTechnical ? new ContactInput("Alex Kim", "Solution Architect", $"alex.kim@{tenant.Domain}") : null,
            new ContactInput(by.Name, null, _users.Values.First(u => u.Id == by.Id).Email),
            revenue);
        var validation = ClaimValidator.Validate(input, await directory.LoadAsync(input, org.Id, CancellationToken.None));
        if (!validation.IsValid)
        {
            throw new InvalidOperationException($"Demo claim '{name}' is invalid: {string.Join(", ", validation.Errors)}");
        }

        var claim = Claim.Create(validation.Details!, validation.Products, org.Id, competing, Ctx(by, at));
        db.Claims.Add(claim);
        return claim;
    }

    private async Task SubmitAsync(Claim claim, Actor by, DateTimeOffset at)
    {
        await AttachAsync(claim, by, "proof-of-execution.pdf", at.AddMinutes(-5));
        Do(claim.Submit(Ctx(by, at)));
    }

    private async Task ActivateAsync(Claim claim, Actor partner, Actor reviewer, DateTimeOffset submittedAt)
    {
        await SubmitAsync(claim, partner, submittedAt);
        Do(claim.StartReview(Ctx(reviewer, submittedAt.AddDays(1))));
        Do(claim.Approve(7, "Proof accepted.", Ctx(reviewer, submittedAt.AddDays(2))));
        Do(claim.CompleteConsentWindow(Ctx(Actor.System, submittedAt.AddDays(9))));
    }

    private async Task AttachAsync(Claim claim, Actor by, string fileName, DateTimeOffset at)
    {
        var content = DemoPdf($"Proof of execution - {claim.Name}");
        await using var staged = await store.StageAsync(new MemoryStream(content), long.MaxValue, CancellationToken.None);
        await store.CommitAsync(staged, CancellationToken.None);
        Do(claim.AddAttachment(new ClaimAttachment(Ids.New("att", at), claim.Id, fileName, "application/pdf", staged.Size, staged.Sha256, by, at), Ctx(by, at)));
    }

    private static void Do(DomainError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException("Demo world step refused: " + error);
        }
    }

    /// <summary>A one-page PDF showing a line of text: small, valid, and previewable.</summary>
    public static byte[] DemoPdf(string text)
    {
        var safe = new string(text.Where(c => c < 128 && c is not ('(' or ')' or '\\')).ToArray());
        var stream = $"BT /F1 16 Tf 72 720 Td ({safe}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
