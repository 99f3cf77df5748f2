using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingDeliveryFixture;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>The morning fan-out end to end: real PostgreSQL, the in-process Hangfire server, a real SMTP sink.</summary>
public sealed class BriefingFanOutTests(BriefingDeliveryFixture portal) : IClassFixture<BriefingDeliveryFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void Startup_RecurringJobs_MorningJobRunsAtTheSendTimeInTheBriefingTimeZone()
    {
        // Arrange
        using var connection = portal.JobStorage.GetConnection();

        // Act
        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection, [MorningBriefingJob.RecurringJobId, BriefingDeliverySweepJob.RecurringJobId]);

        // Assert
        var morning = jobs.Single(j => j.Id == MorningBriefingJob.RecurringJobId);
        morning.Cron.ShouldBe("0 7 * * *");
        morning.TimeZoneId.ShouldBe("Europe/Brussels");
        morning.Job.Type.ShouldBe(typeof(MorningBriefingJob));
        jobs.Single(j => j.Id == BriefingDeliverySweepJob.RecurringJobId).Job.Type.ShouldBe(typeof(BriefingDeliverySweepJob));
    }

    [Fact]
    public async Task Run_TodaysScheduledBriefing_SendsOnceToExactlyTheActiveMembers()
    {
        // Arrange
        await portal.CreateUserAsync("fan.suspended@it.cec.example", "Suspended Member", Roles.Member, suspended: true);
        await portal.CreateUserAsync("fan.optedout@it.cec.example", "Opted Out", Roles.Member);
        await portal.SetAsync("fan.optedout@it.cec.example", optedOutAt: DateTimeOffset.UtcNow);
        await portal.CreateUserAsync("fan.unconfirmed@it.cec.example", "Unconfirmed Member", Roles.Member);
        await portal.SetAsync("fan.unconfirmed@it.cec.example", emailConfirmed: false);
        await portal.CreateUserAsync("fan.staff@it.cec.example", "Staff Only", Roles.Vetter);
        await portal.CreateUserAsync("fan.active@it.cec.example", "Active Member", Roles.Member);
        var expected = await portal.ActiveMemberEmailsAsync();
        var briefing = await portal.ScheduleTodaysBriefingAsync("Edge gateway campaign");

        // Act
        MorningOutcome outcome = default;
        await portal.WithServiceAsync<MorningBriefingJob>(async job => outcome = await job.RunAsync(Token));
        await WaitUntilAsync(async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent, "the briefing to be sent by the chunk jobs");

        // Assert
        outcome.ShouldBe(MorningOutcome.Sending);
        expected.ShouldContain("fan.active@it.cec.example");
        expected.ShouldContain(PortalFactory.MemberEmail);
        expected.Count.ShouldBeGreaterThan(ChunkSize * 2, "several chunks are needed");
        var messages = portal.MessagesOf(briefing.Id);
        messages.Select(m => m.Recipients.Single()).Order().ShouldBe(expected);
        var sent = await portal.BriefingAsync(briefing.Id);
        sent.PublishedAt.ShouldNotBeNull();
        sent.SendStartedAt.ShouldNotBeNull();
        sent.SentAt.ShouldNotBeNull();
        var ledger = await portal.LedgerAsync(briefing.Id);
        ledger.Count.ShouldBe(expected.Count);
        ledger.ShouldAllBe(d => d.Status == DeliveryStatus.Sent && d.Attempts == 1 && d.SentAt != null && d.ClaimedUntil == null && d.LastError == null);

        var marie = messages.Single(m => m.Recipients.Single() == PortalFactory.MemberEmail).Message;
        var marieId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        marie.MessageId.ShouldBe($"briefing.{briefing.Id:N}.{marieId}@cec.example");
        marie.Subject.ShouldStartWith("[TLP:AMBER] CEC daily briefing ");
        marie.Subject.ShouldEndWith(": Edge gateway campaign");
        marie.Headers["List-Unsubscribe"].ShouldStartWith("<https://portal.test/unsubscribe/");
        marie.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        marie.HtmlBody!.ShouldContain("Dear Marie Dubois,");
        marie.TextBody!.ShouldContain("Edge gateway campaign: patch **now**.");
    }

    [Fact]
    public async Task Run_AgainAfterSending_SendsNothingMore()
    {
        // Arrange
        var briefing = await portal.ScheduleTodaysBriefingAsync("Twice is once");
        await portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token));
        await WaitUntilAsync(async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent, "the first run to finish");
        var first = portal.MessagesOf(briefing.Id).Count;

        // Act
        MorningOutcome again = default;
        await portal.WithServiceAsync<MorningBriefingJob>(async job => again = await job.RunAsync(Token));
        await portal.WithServiceAsync<BriefingDeliverySweepJob>(job => job.RunAsync(Token));
        await JobQueues.UntilIdleAsync(portal.Factory.Services);

        // Assert
        again.ShouldBe(MorningOutcome.AlreadySent);
        portal.MessagesOf(briefing.Id).Count.ShouldBe(first);
        first.ShouldBe((await portal.ActiveMemberEmailsAsync()).Count);
    }

    [Fact]
    public async Task Run_TwiceAtOnce_SendsEachMemberExactlyOneMessage()
    {
        // Arrange
        var briefing = await portal.ScheduleTodaysBriefingAsync("Concurrent runs");
        var expected = await portal.ActiveMemberEmailsAsync();

        // Act
        await Task.WhenAll(
            portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token)),
            portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token)));
        await WaitUntilAsync(async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent, "the briefing to be sent");

        // Assert
        portal.MessagesOf(briefing.Id).Select(m => m.Recipients.Single()).Order().ShouldBe(expected);
        (await portal.LedgerAsync(briefing.Id)).Count.ShouldBe(expected.Count);
    }

    [Fact]
    public async Task Run_BriefingPublishedEarlyByAnEditor_IsSentToo()
    {
        // Arrange
        var briefing = await portal.ScheduleTodaysBriefingAsync("Published early", publishEarly: true);

        // Act
        await portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token));
        await WaitUntilAsync(async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent, "the briefing to be sent");

        // Assert
        portal.MessagesOf(briefing.Id).Count.ShouldBe((await portal.ActiveMemberEmailsAsync()).Count);
    }

    [Fact]
    public async Task Run_RedBriefing_IsPublishedButNeverEmailed()
    {
        // Arrange
        var briefing = await portal.ScheduleTodaysBriefingAsync("Named victims", TlpLabel.Red);

        // Act
        MorningOutcome outcome = default;
        await portal.WithServiceAsync<MorningBriefingJob>(async job => outcome = await job.RunAsync(Token));
        await portal.WithServiceAsync<SendBriefingChunkJob>(job => job.RunAsync(briefing.Id, SendBriefingChunkJob.FollowUp, Token));
        await JobQueues.UntilIdleAsync(portal.Factory.Services);

        // Assert
        outcome.ShouldBe(MorningOutcome.PublishedOnly);
        var published = await portal.BriefingAsync(briefing.Id);
        published.Status.ShouldBe(BriefingStatus.Published);
        published.PublishedAt.ShouldNotBeNull();
        published.SendStartedAt.ShouldBeNull();
        (await portal.LedgerAsync(briefing.Id)).ShouldBeEmpty();
        portal.MessagesOf(briefing.Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_NoBriefingToday_AlertsEditorsAndAdminsOnce()
    {
        // Arrange
        var today = new BriefingOptions().Today(TimeProvider.System);
        var subject = $"No daily briefing for {today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

        // Act
        MorningOutcome first = default;
        await portal.WithServiceAsync<MorningBriefingJob>(async job => first = await job.RunAsync(Token));
        await portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token));
        await portal.Sink.WaitForMessageAsync(m => m.Message.Subject == subject && m.Recipients.Contains(PortalFactory.AdminEmail));
        await portal.Sink.WaitForMessageAsync(m => m.Message.Subject == subject && m.Recipients.Contains(PortalFactory.EditorEmail));

        // Assert
        first.ShouldBe(MorningOutcome.Missing);
        var alerts = await portal.WithDbAsync(db => db.OutboundEmails.Where(e => e.Subject == subject).Select(e => e.To).OrderBy(t => t).ToListAsync(Token));
        alerts.ShouldBe([PortalFactory.AdminEmail, PortalFactory.EditorEmail]);
        (await portal.AuditAsync(MorningBriefingJob.MissingAlertAction)).ShouldHaveSingleItem();
        (await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Send_RefusedDeferredAndDroppedRecipients_EachMemberGetsExactlyOneAcceptedMessageAndTheLedgerTellsWhy()
    {
        // Arrange
        const string refused = "fan.refused@it.cec.example";
        const string rejectedAtData = "fan.rejected@it.cec.example";
        const string deferred = "fan.deferred@it.cec.example";
        const string dropped = "fan.dropped@it.cec.example";
        const string alwaysBusy = "fan.busy@it.cec.example";
        foreach (var email in new[] { refused, rejectedAtData, deferred, dropped, alwaysBusy })
        {
            await portal.CreateUserAsync(email, email.Split('@')[0], Roles.Member);
        }

        var expected = await portal.ActiveMemberEmailsAsync();
        var briefing = await portal.ScheduleTodaysBriefingAsync("Faulty server");
        portal.Sink.OnRecipient = recipient => recipient == refused ? SmtpFault.MailboxUnavailable : null;
        portal.Sink.OnData = (recipient, attempt) => recipient switch
        {
            rejectedAtData => SmtpFault.TransactionFailed,
            deferred when attempt == 1 => SmtpFault.TemporaryFailure,
            dropped when attempt == 1 => SmtpFault.Drop,
            alwaysBusy => SmtpFault.TemporaryFailure,
            _ => null,
        };

        // Act
        await portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token));
        await WaitUntilAsync(
            async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent,
            "every delivery to be settled (follow-up jobs after the back-off)",
            TimeSpan.FromSeconds(90),
            () => portal.DescribeFanOutAsync(briefing.Id));

        // Assert
        var accepted = portal.MessagesOf(briefing.Id).GroupBy(m => m.Recipients.Single()).ToDictionary(g => g.Key, g => g.Count());
        accepted.Keys.Order().ShouldBe(expected.Except([refused, rejectedAtData, alwaysBusy]).Order());
        accepted.Values.ShouldAllBe(count => count == 1);

        var ledger = (await portal.LedgerAsync(briefing.Id)).ToDictionary(d => d.MemberId);
        async Task<BriefingDelivery> Row(string email) => ledger[await portal.UserIdAsync(email)];
        (await Row(refused)).ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DeliveryStatus.Failed),
            d => d.Attempts.ShouldBe(1),
            d => d.LastError!.ShouldContain("550"));
        (await Row(rejectedAtData)).ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DeliveryStatus.Failed),
            d => d.Attempts.ShouldBe(1),
            d => d.LastError!.ShouldContain("554"));
        (await Row(deferred)).ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DeliveryStatus.Sent),
            d => d.Attempts.ShouldBe(2),
            d => d.LastError!.ShouldContain("451"));
        (await Row(dropped)).ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DeliveryStatus.Sent),
            d => d.Attempts.ShouldBe(2),
            d => d.LastError.ShouldNotBeNull());
        (await Row(alwaysBusy)).ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DeliveryStatus.Failed),
            d => d.Attempts.ShouldBe(MaxAttempts),
            d => d.LastError!.ShouldContain("451"),
            d => d.NextAttemptAt.ShouldBeNull());
        ledger.Values.Count(d => d.Status == DeliveryStatus.Sent).ShouldBe(expected.Count - 3);
        portal.Sink.AttemptCount(alwaysBusy).ShouldBe(MaxAttempts);

        var followUps = await portal.ScalarAsync(
            """SELECT count(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Scheduled' AND j.arguments::text LIKE '%' || @id || '%'""",
            new NpgsqlParameter("id", briefing.Id.ToString()));
        followUps.ShouldBeGreaterThan(0, "rows waiting for their back-off get a scheduled follow-up chunk");
        var personalData = await portal.ScalarAsync(
            """SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%' || @id || '%' AND arguments::text LIKE '%@%'""",
            new NpgsqlParameter("id", briefing.Id.ToString()));
        personalData.ShouldBe(0, "chunk jobs carry ids only");
    }

    [Fact]
    public async Task FollowUp_RunBeforeTheBackoffEnds_SchedulesItselfAgainNoEarlierThanTheBackoff()
    {
        // Arrange: a fan-out whose rows all wait for a back-off, and no Hangfire chunk alongside. Hangfire keeps a
        // scheduled time in whole seconds, so a follow-up can start before the back-off it was scheduled for.
        var briefing = await portal.ScheduleTodaysBriefingAsync("Early follow-up", publishEarly: true);
        await portal.WithServiceAsync<DeliveryLedger>(ledger => ledger.FillAsync(briefing.Id, Token));
        await portal.WithDbAsync(async db =>
        {
            var tracked = await db.Briefings.SingleAsync(b => b.Id == briefing.Id, Token);
            tracked.StartSending(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Token);
        });
        var next = DateTimeOffset.UtcNow.AddMinutes(30).AddMilliseconds(500);
        await portal.WithDbAsync(db => db.BriefingDeliveries.Where(d => d.BriefingId == briefing.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Attempts, 1).SetProperty(d => d.NextAttemptAt, next), Token));

        // Act
        await portal.WithServiceAsync<SendBriefingChunkJob>(job => job.RunAsync(briefing.Id, SendBriefingChunkJob.FollowUp, Token));

        // Assert: the rows were left alone, and a new follow-up waits for them, due no earlier than their back-off.
        portal.MessagesOf(briefing.Id).ShouldBeEmpty();
        var scheduled = await portal.ScalarAsync(
            """
            SELECT count(*) FROM hangfire.set s JOIN hangfire.job j ON j.id::text = s.value
            WHERE s.key = 'schedule' AND j.arguments::text LIKE '%' || @id || '%' AND s.score >= @next
            """,
            new NpgsqlParameter("id", briefing.Id.ToString()),
            new NpgsqlParameter("next", next.ToUnixTimeMilliseconds() / 1000.0));
        scheduled.ShouldBe(1);
    }

    [Fact]
    public async Task Send_CancelledMidWayThenResumedAfterTheLease_SkipsNobodyAndRepeatsAtMostTheMessagesInFlight()
    {
        // Arrange: a fan-out started by hand, so that no Hangfire chunk runs alongside.
        for (var i = 0; i < 10; i++)
        {
            await portal.CreateUserAsync($"fan.crash{i}@it.cec.example", $"Crash {i}", Roles.Member);
        }

        var expected = await portal.ActiveMemberEmailsAsync();
        var briefing = await portal.ScheduleTodaysBriefingAsync("Crash and resume", publishEarly: true);
        await portal.WithServiceAsync<DeliveryLedger>(async ledger =>
        {
            await ledger.FillAsync(briefing.Id, Token);
            await portal.WithDbAsync(async db =>
            {
                var tracked = await db.Briefings.SingleAsync(b => b.Id == briefing.Id, Token);
                tracked.StartSending(DateTimeOffset.UtcNow);
                return await db.SaveChangesAsync(Token);
            });
        });

        // A sender that crashed earlier left three rows leased. The lease is long, and the test ends it below
        // instead of waiting for the clock: on a busy machine a short one could run out before the check.
        var leasedUntil = DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
        var crashed = await portal.WithDbAsync(db => db.BriefingDeliveries.Where(d => d.BriefingId == briefing.Id).OrderByDescending(d => d.Id).Take(3).Select(d => d.Id).ToListAsync(Token));
        await portal.WithDbAsync(db => db.BriefingDeliveries.Where(d => crashed.Contains(d.Id)).ExecuteUpdateAsync(set => set.SetProperty(d => d.ClaimedUntil, leasedUntil), Token));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var acceptedBeforeStop = 0;
        portal.Sink.OnData = (_, _) =>
        {
            if (Interlocked.Increment(ref acceptedBeforeStop) == 4)
            {
                stop.Cancel();
            }

            return null;
        };

        // Act
        var interrupted = portal.WithServiceAsync<SendBriefingChunkJob>(job => job.RunAsync(briefing.Id, 1, stop.Token));
        await Should.ThrowAsync<OperationCanceledException>(interrupted);
        portal.Sink.OnData = null;
        var afterCrash = await portal.LedgerAsync(briefing.Id);
        await portal.WithServiceAsync<BriefingFanOut>(fanOut => fanOut.SendPendingAsync(briefing.Id, Token));
        var leasedStillPending = (await portal.LedgerAsync(briefing.Id)).Where(d => crashed.Contains(d.Id)).All(d => d.Status == DeliveryStatus.Pending);
        await portal.WithDbAsync(db => db.BriefingDeliveries.Where(d => crashed.Contains(d.Id)).ExecuteUpdateAsync(set => set.SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)), Token));
        await portal.WithServiceAsync<BriefingDeliverySweepJob>(job => job.RunAsync(Token));
        await WaitUntilAsync(async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent, "the sweep's chunks to finish the fan-out");

        // Assert
        afterCrash.Count(d => d.Status == DeliveryStatus.Sent).ShouldBeInRange(1, 4);
        afterCrash.Count(d => d.Status == DeliveryStatus.Pending).ShouldBeGreaterThan(3);
        leasedStillPending.ShouldBeTrue("rows under another sender's lease are left alone until it runs out");
        var accepted = portal.MessagesOf(briefing.Id).GroupBy(m => m.Recipients.Single()).ToDictionary(g => g.Key, g => g.Count());
        accepted.Keys.Order().ToList().ShouldBe(expected); // nobody is skipped
        accepted.Values.Sum().ShouldBeLessThanOrEqualTo(expected.Count + SmtpConcurrency, "at most one message in flight per connection is repeated");
        var duplicates = portal.MessagesOf(briefing.Id).GroupBy(m => m.Recipients.Single()).Where(g => g.Count() > 1).ToList();
        duplicates.ShouldAllBe(g => g.Select(m => m.Message.MessageId).Distinct().Count() == 1, "a repeated message keeps its Message-ID");
        (await portal.LedgerAsync(briefing.Id)).ShouldAllBe(d => d.Status == DeliveryStatus.Sent);
    }
}
