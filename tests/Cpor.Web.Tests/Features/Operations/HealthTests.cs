using System.Net;
using Cpor.Web.Data;
using Cpor.Web.Features.Operations;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cpor.Web.Tests.Features.Operations;

public class HealthTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Readiness_WhenAMigrationIsMissing_AnswersMigrationsPending()
    {
        var last = SqlMigrator.Scripts[^1].Version;
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM schema_migrations WHERE version = {last}"));
        try
        {
            var response = await app.CreateClient().GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("migrations pending", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"INSERT INTO schema_migrations (version) VALUES ({last})"));
        }
    }

    [Fact]
    public async Task Readiness_WhenTheClockLagsBehind_StaysReadyAndNamesTheDegradedCheck()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner);
        var overdue = app.Clock.Now.AddHours(-1);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE claims SET next_auto_action_at = {overdue} WHERE id = {draft.Id}"));
        try
        {
            var response = await app.CreateClient().GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ready", await response.Content.ReadAsStringAsync());
            Assert.Contains(HealthChecks.SchedulerLag, response.Headers.GetValues(HealthResponses.DegradedHeader).Single());
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE claims SET next_auto_action_at = NULL WHERE id = {draft.Id}"));
        }
    }

    [Fact]
    public async Task Readiness_WhenNothingLags_NamesNoDegradedCheck()
    {
        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(HealthResponses.DegradedHeader));
    }

    [Theory]
    [InlineData(HealthStatus.Unhealthy, HealthStatus.Unhealthy, 503, "database unreachable")]
    [InlineData(HealthStatus.Healthy, HealthStatus.Unhealthy, 503, "migrations pending")]
    [InlineData(HealthStatus.Healthy, HealthStatus.Healthy, 200, "ready")]
    public void ReadinessText_NamesTheFirstFailure(HealthStatus database, HealthStatus migrations, int status, string text)
    {
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry>
            {
                [HealthChecks.Database] = new(database, null, TimeSpan.Zero, null, null),
                [HealthChecks.Migrations] = new(migrations, null, TimeSpan.Zero, null, null),
                [HealthChecks.OutboxLag] = new(HealthStatus.Degraded, null, TimeSpan.Zero, null, null),
            },
            TimeSpan.Zero);

        Assert.Equal((status, text), HealthResponses.ReadinessText(report));
    }
}
