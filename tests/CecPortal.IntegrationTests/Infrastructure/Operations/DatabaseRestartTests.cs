using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// PostgreSQL stopped and started under a running portal: readiness says 503 during the outage, forms say nothing
/// was saved, and afterwards enqueued and recurring Hangfire jobs run again without restarting the portal.
/// </summary>
public sealed class DatabaseRestartTests(DatabaseRestartFixture portal) : IClassFixture<DatabaseRestartFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        // Every test starts with the database up and the portal ready.
        await Jobs.UntilAsync(async () => await ReadyAsync() == HttpStatusCode.OK, "the portal to be ready");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Restart_DatabaseStoppedThenStarted_NotReadyDuringOutageThenJobsRunAgainWithoutAppRestart()
    {
        // Arrange: the canary has run, so jobs work before the outage; and the outage cuts the recurring scheduler off
        // while it holds its lock, the worst moment: the holder cannot delete the lock's row, which stands until it
        // times out. With Hangfire.PostgreSql's default timeout no recurring job runs for 10 minutes: the likeliest
        // cause of a CI run in which the canary had not run 300 s after the restart.
        await Jobs.UntilAsync(async () => await Jobs.CanaryLastRunAsync(portal.ConnectionString) is not null, "the canary's first run");
        await Jobs.UntilAsync(TakeRecurringSchedulerLockAsync, "the recurring scheduler's lock to be free and taken");

        // Act: stop PostgreSQL until the canary is older than it may be (the outage is the test's subject, so its
        // length is a wait on that condition), then start it again.
        await portal.Postgres.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        var duringOutage = await ReadyAsync();
        var stale = stoppedAt + DatabaseRestartFixture.CanaryMaxAge + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        await Task.Delay(stale > TimeSpan.Zero ? stale : TimeSpan.Zero, TestContext.Current.CancellationToken);
        var laterInOutage = await ReadyAsync();
        await portal.Postgres.StartAsync();
        var restartedAt = DateTimeOffset.UtcNow;

        // Assert: recurring jobs are scheduled and run again, once the lock left at the outage has timed out
        // (Jobs:DistributedLockTimeout)... Usually within seconds of that; but each of Hangfire's background processes
        // backs off after every failed attempt during the outage (a CI run saw the workers wait 36 s before their next
        // try), and on a loaded machine a slow stop lengthens the outage, so allow minutes.
        await Jobs.UntilAsync(
            async () => await Jobs.CanaryLastRunAsync(portal.ConnectionString) > restartedAt,
            "the recurring canary to run after the restart",
            seconds: 300);

        // ...enqueued jobs run again...
        var jobId = portal.Factory.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<JobsCanaryJob>(job => job.RunAsync(CancellationToken.None));
        await Jobs.UntilAsync(async () => await Jobs.StateAsync(portal.ConnectionString, jobId) == "Succeeded", "the enqueued job to succeed after the restart");

        // ...and the instance is ready again, all without restarting the portal.
        await Jobs.UntilAsync(async () => await ReadyAsync() == HttpStatusCode.OK, "readiness after the restart");
        TestContext.Current.TestOutputHelper?.WriteLine($"Jobs ran and the portal was ready again {DateTimeOffset.UtcNow - restartedAt} after PostgreSQL came back.");
        duringOutage.ShouldBe(HttpStatusCode.ServiceUnavailable);
        laterInOutage.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Apply_PostedWhileDatabaseIsDown_Answers503SayingNothingWasSavedAndSavesNothing()
    {
        // Arrange: the applicant opened the form while the database was up.
        const string email = "outage.applicant@grid-demo.eu";
        using var client = portal.CreateClient();
        var (action, values) = await FillAsync(client, "/apply", MembershipFlowTests.Form(email));

        // Act
        await portal.Postgres.StopAsync();
        HttpResponseMessage response;
        string body;
        try
        {
            response = await PostAsync(client, action, values);
            body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            await portal.Postgres.StartAsync();
        }

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        var page = await new HtmlParser().ParseDocumentAsync(body);
        page.QuerySelector("main h1")!.TextContent.Trim().ShouldBe("The portal could not save this just now — please try again");
        page.QuerySelector("main .lead")!.TextContent.ShouldContain("nothing you sent was saved");
        (await Jobs.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM membership_applications WHERE \"WorkEmail\" = @email", new Npgsql.NpgsqlParameter("email", email))).ShouldBe(0);
        (await Jobs.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM outbound_emails WHERE \"To\" = @email", new Npgsql.NpgsqlParameter("email", email))).ShouldBe(0);

        // The same form, sent again once the database is back, is accepted.
        await Jobs.UntilAsync(async () => await ReadyAsync() == HttpStatusCode.OK, "readiness after the restart");
        using var again = await PostAsync(client, action, values);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Jobs.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM membership_applications WHERE \"WorkEmail\" = @email", new Npgsql.NpgsqlParameter("email", email))).ShouldBe(1);
    }

    /// <summary>
    /// Inserts the row Hangfire's recurring scheduler inserts for each pass, as a scheduler cut off mid-pass leaves it;
    /// false when a running pass holds it at that moment.
    /// </summary>
    private async Task<bool> TakeRecurringSchedulerLockAsync() =>
        await Jobs.ScalarAsync<long>(
            portal.ConnectionString,
            """
            WITH taken AS (
                INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES ('hangfire:recurring-jobs:lock', 0, now())
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM taken
            """) == 1;

    private async Task<HttpStatusCode> ReadyAsync()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>GETs the page and fills its form as a browser would, without sending it yet.</summary>
    private static async Task<(string Action, Dictionary<string, string> Values)> FillAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var form = document.QuerySelector("main form[method=post]") as IHtmlFormElement ?? throw new InvalidOperationException($"No form on {url}.");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not "checkbox" and not "submit")
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return (action, values);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, Dictionary<string, string> values)
    {
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}
