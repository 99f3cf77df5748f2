using System.Net;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.IntegrationTests.Sharing;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace CecPortal.IntegrationTests.Privacy;

/// <summary>Each retention job against the real database: old rows go, young rows stay, the boundary holds, a rerun changes nothing.</summary>
public sealed class RetentionJobsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>Far enough from the cut-off that the seconds between arranging and running do not matter.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private static readonly Reviewer Vetter = new("retention-vetter", "Retention Vetter", CoversCountry: true, CoversSector: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static RetentionOptions Defaults => new();

    [Fact]
    public async Task DeleteClosedApplications_DeclinedAndWithdrawnPastPeriod_DeletedWithTimelineOthersKept()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var period = Defaults.ClosedApplications;
        var oldDeclined = Declined("closed.old-declined@retention-demo.eu", now - period - Margin);
        var oldWithdrawn = Withdrawn("closed.old-withdrawn@retention-demo.eu", now - period - Margin);
        var youngDeclined = Declined("closed.young-declined@retention-demo.eu", now - period + Margin);
        var oldOpen = Submit("closed.old-open@retention-demo.eu", now - period - TimeSpan.FromDays(30), verify: true);
        await portal.WithDbAsync(db =>
        {
            db.MembershipApplications.AddRange(oldDeclined, oldWithdrawn, youngDeclined, oldOpen);
            return db.SaveChangesAsync(Token);
        });

        // Act
        var first = await RunAsync(jobs => jobs.DeleteClosedApplicationsAsync(Token));
        var second = await RunAsync(jobs => jobs.DeleteClosedApplicationsAsync(Token));

        // Assert
        first.ShouldBe(2);
        second.ShouldBe(0);
        var remaining = await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail.StartsWith("closed.")).Select(a => a.WorkEmail).ToListAsync(Token));
        remaining.ShouldBe(["closed.young-declined@retention-demo.eu", "closed.old-open@retention-demo.eu"], ignoreOrder: true);
        var gone = new[] { oldDeclined.Id, oldWithdrawn.Id };
        (await portal.WithDbAsync(db => db.ApplicationEvents.CountAsync(e => gone.Contains(e.ApplicationId), Token))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.ApplicationReviews.CountAsync(r => gone.Contains(r.ApplicationId), Token))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.ApplicationEvents.CountAsync(e => e.ApplicationId == youngDeclined.Id, Token))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ExpireUnverified_PeriodFromConfiguration_BoundaryRespectedAndRerunHarmless()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var period = portal.Factory.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.UnverifiedApplications;
        var justPast = Submit("unverified.past@retention-demo.eu", now - period - Margin);
        var justInside = Submit("unverified.inside@retention-demo.eu", now - period + Margin);
        await portal.WithDbAsync(db =>
        {
            db.MembershipApplications.AddRange(justPast, justInside);
            return db.SaveChangesAsync(Token);
        });

        // Act
        int first, second;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var job = ActivatorUtilities.GetServiceOrCreateInstance<ExpireUnverifiedApplicationsJob>(scope.ServiceProvider);
            first = await job.RunAsync(Token);
            second = await job.RunAsync(Token);
        }

        // Assert
        period.ShouldBe(TimeSpan.FromDays(7));
        first.ShouldBeGreaterThanOrEqualTo(1);
        second.ShouldBe(0);
        var remaining = await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail.StartsWith("unverified.")).Select(a => a.WorkEmail).ToListAsync(Token));
        remaining.ShouldBe(["unverified.inside@retention-demo.eu"]);
    }

    [Fact]
    public async Task DeleteDeliveryDetails_OldLedgerRows_DeletedInBatchesWithCountsKeptOnTheDeliveryPage()
    {
        // Arrange: an old briefing sent to 25 members (3 failed), and a young one sent to 2
        var now = DateTimeOffset.UtcNow;
        var period = Defaults.DeliveryDetails;
        var memberIds = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            memberIds.Add(await portal.CreateUserAsync($"ledger.{i:00}@retention-demo.eu", $"Ledger Member {i:00}", Roles.Member));
        }

        var old = await BriefingTestKit.AddAsync(portal, BriefingTestKit.Today(portal).AddDays(-500), "Old edition");
        var young = await BriefingTestKit.AddAsync(portal, BriefingTestKit.Today(portal).AddDays(-30), "Young edition");
        await AddDeliveriesAsync(old.Id, memberIds.Take(22), DeliveryStatus.Sent, now - period - Margin);
        await AddDeliveriesAsync(old.Id, memberIds.Skip(22), DeliveryStatus.Failed, now - period - Margin);
        await AddDeliveriesAsync(young.Id, memberIds.Take(2), DeliveryStatus.Sent, now - period + Margin);
        var small = Options.Create(new RetentionOptions { BatchSize = 10 });

        // Act
        var first = await RunAsync(jobs => jobs.DeleteDeliveryDetailsAsync(Token), small);
        var second = await RunAsync(jobs => jobs.DeleteDeliveryDetailsAsync(Token), small);

        // Assert
        first.ShouldBe(25);
        second.ShouldBe(0);
        (await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.BriefingId == old.Id, Token))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.BriefingId == young.Id, Token))).ShouldBe(2);
        var archived = await portal.WithDbAsync(db => db.ArchivedDeliveryCounts.AsNoTracking().SingleAsync(a => a.BriefingId == old.Id, Token));
        (archived.Sent, archived.Failed).ShouldBe((22, 3));
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var page = await editor.GetDocumentAsync($"/admin/briefings/{old.Id}/deliveries");
        page.QuerySelector("[data-testid=sent]")!.TextContent.ShouldBe("22");
        page.QuerySelector("[data-testid=failed]")!.TextContent.ShouldBe("3");
        page.QuerySelector("[data-testid=details-archived]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=retry-form]").ShouldBeNull();
    }

    [Fact]
    public async Task DeleteSentEmails_SentPastPeriod_DeletedUnsentAndYoungKept()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var period = Defaults.SentEmails;
        var oldSent = await AddEmailAsync("outbox.old-sent@retention-demo.eu", sentAt: now - period - Margin);
        var youngSent = await AddEmailAsync("outbox.young-sent@retention-demo.eu", sentAt: now - period + Margin);
        var oldUnsent = await AddEmailAsync("outbox.old-unsent@retention-demo.eu", sentAt: null);

        // Act
        var first = await RunAsync(jobs => jobs.DeleteSentEmailsAsync(Token));
        var second = await RunAsync(jobs => jobs.DeleteSentEmailsAsync(Token));

        // Assert
        first.ShouldBeGreaterThanOrEqualTo(1);
        second.ShouldBe(0);
        var remaining = await portal.WithDbAsync(db => db.OutboundEmails.Where(e => e.To.StartsWith("outbox.")).Select(e => e.Id).ToListAsync(Token));
        remaining.ShouldBe([youngSent, oldUnsent], ignoreOrder: true);
        remaining.ShouldNotContain(oldSent);
    }

    [Fact]
    public async Task ClearAuditClientDetails_OldEntries_AddressAndAgentClearedEntryKept()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var period = Defaults.AuditClientDetails;
        var old = await AddAuditAsync("retention-test:old", now - period - Margin);
        var young = await AddAuditAsync("retention-test:young", now - period + Margin);

        // Act
        var first = await RunAsync(jobs => jobs.ClearAuditClientDetailsAsync(Token));
        var second = await RunAsync(jobs => jobs.ClearAuditClientDetailsAsync(Token));

        // Assert
        first.ShouldBeGreaterThanOrEqualTo(1);
        second.ShouldBe(0);
        var entries = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject.StartsWith("retention-test:")).ToDictionaryAsync(e => e.Id, Token));
        entries.Count.ShouldBe(2);
        (entries[old].IpAddress, entries[old].UserAgent).ShouldBe((null, null));
        entries[old].ActorName.ShouldBe("Retention Test");
        entries[young].IpAddress.ShouldBe(IPAddress.Parse("203.0.113.9"));
        entries[young].UserAgent.ShouldBe("RetentionTest/1.0");
    }

    [Fact]
    public async Task DeleteExpiredMessages_RedAfterItsShortPeriodOthersAfterTheLongOne_YoungKeptEmptyTopicsGone()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var member = await portal.MemberAsync("retention.sharer@member.eu");
        var group = await portal.GroupAsync("retention-group", ChannelKind.WorkingGroup, TlpLabel.Amber, member);
        var redOld = await portal.StartTopicAsync(member, group, "Red old", "Red, past its period.", TlpLabel.Red);
        var redYoung = await portal.ReplyAsync(member, redOld.TopicId, "Red, still young.", TlpLabel.Red);
        var amberMonthOld = await portal.ReplyAsync(member, redOld.TopicId, "Amber, a month old.");
        var amberOld = await portal.StartTopicAsync(member, group, "Amber old", "Amber, past the long period.");
        await AgeAsync(redOld.MessageId, now - Defaults.RedMessages - Margin);
        await AgeAsync(redYoung.MessageId, now - Defaults.RedMessages + Margin);
        await AgeAsync(amberMonthOld.MessageId, now - Defaults.RedMessages - Margin);
        await AgeAsync(amberOld.MessageId, now - Defaults.Messages - Margin);
        await portal.WithDbAsync(db => db.Topics.Where(t => t.Id == amberOld.TopicId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastMessageAt, now - Defaults.Messages - Margin), Token));

        // Act
        var first = await RunAsync(jobs => jobs.DeleteExpiredMessagesAsync(Token));
        var second = await RunAsync(jobs => jobs.DeleteExpiredMessagesAsync(Token));

        // Assert
        first.ShouldBe(2);
        second.ShouldBe(0);
        var remaining = await portal.WithDbAsync(db => db.Messages.Where(m => m.ChannelId == group).Select(m => m.Id).ToListAsync(Token));
        remaining.ShouldBe([redYoung.MessageId, amberMonthOld.MessageId], ignoreOrder: true);
        var topics = await portal.WithDbAsync(db => db.Topics.Where(t => t.ChannelId == group).Select(t => new { t.Id, t.MessageCount }).ToListAsync(Token));
        topics.Select(t => (t.Id, t.MessageCount)).ShouldBe([(redOld.TopicId, 2)]);
    }

    [Fact]
    public async Task DeleteClosedMessageReports_ClosedPastPeriod_DeletedOpenAndRecentlyClosedKept()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var author = await portal.MemberAsync("retention.reported@member.eu");
        var community = await portal.ChannelAsync("community");
        var moderator = new Actor(await portal.UserIdAsync(PortalFactory.ModeratorEmail), PortalFactory.ModeratorEmail);
        var reports = new List<Guid>();
        foreach (var (name, closedAt) in new (string, DateTimeOffset?)[] { ("old", now - Defaults.MessageReports - Margin), ("young", now - Defaults.MessageReports + Margin), ("open", null) })
        {
            var reporter = await portal.MemberAsync($"retention.reporter.{name}@member.eu");
            var posted = await portal.StartTopicAsync(author, community.Id, $"Retention: reported {name}", "Reported text.");
            reports.Add(await portal.WithDbAsync(async db =>
            {
                var message = await db.Messages.SingleAsync(m => m.Id == posted.MessageId, Token);
                var report = MessageReport.File(message, reporter, ReportReason.Spam, null, now - Defaults.MessageReports - Margin - Margin);
                if (closedAt is { } at)
                {
                    report.Resolve(moderator, ReportResolution.Dismissed, at);
                }

                db.MessageReports.Add(report);
                await db.SaveChangesAsync(Token);
                return report.Id;
            }));
        }

        // Act
        var first = await RunAsync(jobs => jobs.DeleteClosedMessageReportsAsync(Token));
        var second = await RunAsync(jobs => jobs.DeleteClosedMessageReportsAsync(Token));

        // Assert
        first.ShouldBe(1);
        second.ShouldBe(0);
        var left = await portal.WithDbAsync(db => db.MessageReports.Where(r => reports.Contains(r.Id)).Select(r => r.Id).ToListAsync(Token));
        left.ShouldBe([reports[1], reports[2]], ignoreOrder: true);
    }

    private Task<int> AgeAsync(Guid messageId, DateTimeOffset createdAt) =>
        portal.WithDbAsync(db => db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, createdAt), Token));

    private async Task<int> RunAsync(Func<RetentionJobs, Task<int>> run, IOptions<RetentionOptions>? options = null)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var jobs = options is null
            ? scope.ServiceProvider.GetRequiredService<RetentionJobs>()
            : ActivatorUtilities.CreateInstance<RetentionJobs>(scope.ServiceProvider, options);
        return await run(jobs);
    }

    private Task<int> AddDeliveriesAsync(Guid briefingId, IEnumerable<string> memberIds, DeliveryStatus status, DateTimeOffset createdAt) =>
        portal.WithDbAsync(async db =>
        {
            foreach (var memberId in memberIds)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt", "LastError")
                    VALUES ({briefingId}, {memberId}, {(int)status}, 1, {createdAt}, {(status == DeliveryStatus.Failed ? "550 mailbox unavailable" : null)})
                    """,
                    Token);
            }

            return 0;
        });

    private Task<Guid> AddEmailAsync(string to, DateTimeOffset? sentAt) => portal.WithDbAsync(async db =>
    {
        var protection = portal.Factory.Services.GetRequiredService<OutboxProtection>();
        var email = OutboundEmail.From(new EmailMessage(to, "Retention test", "<p>Hi</p>", "Hi"), (sentAt ?? DateTimeOffset.UtcNow).AddMinutes(-1), protection);
        if (sentAt is { } at)
        {
            email.MarkSent(at);
        }

        db.OutboundEmails.Add(email);
        await db.SaveChangesAsync(Token);
        return email.Id;
    });

    private Task<long> AddAuditAsync(string subject, DateTimeOffset at) => portal.WithDbAsync(async db =>
    {
        var entry = new AuditEntry
        {
            At = at,
            ActorName = "Retention Test",
            Action = "retention.test",
            Subject = subject,
            IpAddress = IPAddress.Parse("203.0.113.9"),
            UserAgent = "RetentionTest/1.0",
        };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(Token);
        return entry.Id;
    });

    private static MembershipApplication Submit(string email, DateTimeOffset at, bool verify = false)
    {
        var details = new ApplicationDetails(
            "Retention Tester", email, "CISO", "Retention Demo", "https://www.retention-demo.eu", "FR", "energy", null,
            OrganisationSize.Under250, null, "I lead security for a demo organisation and want to exchange with peers.", null);
        var application = MembershipApplication.Submit(details, privacyNoticeVersion: 1, at, out var token);
        if (verify)
        {
            application.Verify(token, [], at.AddHours(1));
        }

        return application;
    }

    private static MembershipApplication Declined(string email, DateTimeOffset decidedAt)
    {
        var application = Submit(email, decidedAt.AddDays(-3), verify: true);
        application.Review(Vetter, ReviewVerdict.Decline, "Not a security leadership role.", DeclineReason.NotSecurityLeadershipRole, decidedAt);
        return application;
    }

    private static MembershipApplication Withdrawn(string email, DateTimeOffset decidedAt)
    {
        var application = Submit(email, decidedAt.AddDays(-3), verify: true);
        application.Withdraw(decidedAt);
        return application;
    }
}
