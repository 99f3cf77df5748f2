using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Notifications;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>A portal started with <c>Demo:SeedSharing</c> on, as a newcomer's development portal is.</summary>
public sealed class DemoSharingPortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:SeedSharing"] = "true",
    };
}

public sealed class SharingDemoDataTests(DemoSharingPortalFixture portal) : IClassFixture<DemoSharingPortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithSeedSharingOn_MakesTheProfileChannelsAnOpenChannelAndAWorkingGroup()
    {
        // Arrange
        var sectors = await portal.WithDbAsync(db => db.Sectors.CountAsync(Token));
        var eligible = await portal.WithDbAsync(db => db.Countries.CountAsync(c => c.IsEligible, Token));
        var garciaId = await portal.UserIdAsync("p.garcia@demo.cec.example");

        // Act
        var channels = await portal.WithDbAsync(db => db.Channels.AsNoTracking().ToListAsync(Token));
        var group = channels.Single(c => c.Slug == SharingDemoData.WorkingGroupSlug);
        var members = await portal.WithDbAsync(db => db.ChannelSubscriptions.AsNoTracking().Where(s => s.ChannelId == group.Id).ToListAsync(Token));

        // Assert
        channels.Count(c => c.Kind == ChannelKind.Community).ShouldBe(1);
        channels.Count(c => c.Kind == ChannelKind.Sector).ShouldBe(sectors);
        channels.Count(c => c.Kind == ChannelKind.Country).ShouldBe(eligible);
        channels.Single(c => c.Slug == SharingDemoData.OpenChannelSlug).Kind.ShouldBe(ChannelKind.Open);
        group.Kind.ShouldBe(ChannelKind.WorkingGroup);
        members.Count.ShouldBe(4);
        members.Where(s => s.Role == SubscriptionRole.GroupModerator).ShouldHaveSingleItem().UserId.ShouldBe(garciaId);
    }

    [Fact]
    public async Task Start_WithSeedSharingOn_WritesTheThreeTopicsWithRepliesSightingsMentionsAnEditAndADeletion()
    {
        // Arrange
        var sectorOf = await portal.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Id, u => u.SectorCode, Token));

        // Act
        var topics = await portal.WithDbAsync(db => db.Topics.AsNoTracking().ToListAsync(Token));
        var messages = await portal.WithDbAsync(db => db.Messages.AsNoTracking().ToListAsync(Token));
        var sightings = await portal.WithDbAsync(db => db.MessageSightings.AsNoTracking().ToListAsync(Token));
        var mentions = await portal.WithDbAsync(db => db.MessageMentions.AsNoTracking().ToListAsync(Token));
        var revisions = await portal.WithDbAsync(db => db.MessageRevisions.AsNoTracking().ToListAsync(Token));
        var channels = await portal.WithDbAsync(db => db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, Token));

        // Assert
        topics.Select(t => t.Subject).ShouldBe([SharingDemoData.VulnerabilitySubject, SharingDemoData.ReportingSubject, SharingDemoData.IncidentSubject], ignoreOrder: true);
        foreach (var topic in topics)
        {
            var own = messages.Where(m => m.TopicId == topic.Id).ToList();
            topic.MessageCount.ShouldBe(own.Count);
            topic.LastMessageSeq.ShouldBe(own.Max(m => m.Seq));
        }

        var vulnerability = topics.Single(t => t.Subject == SharingDemoData.VulnerabilitySubject);
        var thread = messages.Where(m => m.TopicId == vulnerability.Id).OrderBy(m => m.Seq).ToList();
        thread.Where(m => m.AuthorId != null).Select(m => sectorOf[m.AuthorId!]).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4, "replies come from members of different sectors");
        thread[0].BodyHtml.ShouldStartWith("<p>", customMessage: "rendered by the portal's Markdown renderer");
        thread[0].BodyHtml.ShouldContain("<strong><a href=\"https://www.cve.org/CVERecord?id=CVE-2026-31337\"");
        var seen = sightings.Where(s => s.MessageId == thread[0].Id).GroupBy(s => sectorOf[s.UserId]).ToDictionary(g => g.Key!, g => g.Count());
        seen["health"].ShouldBeGreaterThanOrEqualTo(3);
        seen.Where(s => s.Key != "health").Sum(s => s.Value).ShouldBeInRange(1, 2);

        var edited = messages.Where(m => m.EditedAt != null).ShouldHaveSingleItem();
        var revision = revisions.ShouldHaveSingleItem();
        revision.MessageId.ShouldBe(edited.Id);
        revision.BodyMarkdown.ShouldNotBe(edited.BodyMarkdown);
        var deleted = messages.Where(m => m.DeletedAt != null).ShouldHaveSingleItem();
        (deleted.BodyMarkdown, deleted.BodyHtml).ShouldBe((string.Empty, string.Empty));

        mentions.Count.ShouldBeGreaterThanOrEqualTo(3);
        mentions.ShouldAllBe(x => messages.Any(m => m.Id == x.MessageId && m.BodyMarkdown.Contains("@**")));

        var red = messages.Where(m => m.Tlp == TlpLabel.Red).ShouldHaveSingleItem();
        channels[red.ChannelId].Kind.ShouldBe(ChannelKind.WorkingGroup);
        messages.ShouldAllBe(m => m.Tlp >= channels[m.ChannelId].DefaultTlp);
        messages.Where(m => m.TopicId == topics.Single(t => t.Subject == SharingDemoData.ReportingSubject).Id)
            .ShouldAllBe(m => channels[m.ChannelId].Kind == ChannelKind.Country && channels[m.ChannelId].CountryCode == "FR");
    }

    [Fact]
    public async Task Start_WithSeedSharingOn_SendsNoNotificationNowAndLeavesTwoMentionsOfGarciaPending()
    {
        // Arrange
        var garcia = await portal.UserIdAsync("p.garcia@demo.cec.example");

        // Act
        IReadOnlyList<string> due = [];
        await portal.WithServiceAsync<SharingDigests>(async digests => due = await digests.DueRecipientsAsync(Token));
        var rows = await portal.WithDbAsync(db => db.SharingActivity.AsNoTracking().ToDictionaryAsync(a => a.UserId, Token));
        var last = await portal.WithDbAsync(db => db.Messages.MaxAsync(m => m.Seq, Token));
        var pending = await portal.WithDbAsync(db => db.Messages.AsNoTracking().Where(m => m.Seq > rows[garcia].NotifiedUpToSeq).ToListAsync(Token));
        var mentioned = await portal.WithDbAsync(db => db.MessageMentions.AsNoTracking().Where(x => x.UserId == garcia).Select(x => x.MessageId).ToListAsync(Token));

        // Assert
        due.ShouldBeEmpty("the history counts as notified and the new mentions are younger than the inactivity window");
        rows.Where(r => r.Key != garcia).ShouldAllBe(r => r.Value.NotifiedUpToSeq == last);
        pending.Select(m => m.Tlp).ShouldBe([TlpLabel.Green, TlpLabel.AmberStrict], ignoreOrder: true);
        pending.ShouldAllBe(m => mentioned.Contains(m.Id));
    }

    [Fact]
    public async Task Seed_AgainThroughTheDemoSeederAndDirectly_AddsNothing()
    {
        // Arrange
        var before = await CountsAsync();

        // Act
        await portal.WithServiceAsync<DemoSeeder>(seeder => seeder.SeedIfEmptyAsync(Token));
        await portal.WithServiceAsync<SharingDemoData>(demo => demo.SeedAsync(Token));
        var after = await CountsAsync();

        // Assert
        after.ShouldBe(before);
    }

    [Fact]
    public async Task DemoAccounts_ModeratorAndGroupModerator_SignInAndManageWhileAGroupMemberGets404()
    {
        // Arrange
        var group = await portal.WithDbAsync(db => db.Channels.SingleAsync(c => c.Slug == SharingDemoData.WorkingGroupSlug, Token));
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);
        using var groupModerator = await portal.SignedInClientAsync("p.garcia@demo.cec.example");
        using var groupMember = await portal.SignedInClientAsync("c.martin@demo.cec.example");

        // Act
        var list = await moderator.GetDocumentAsync("/admin/sharing");
        var members = await groupModerator.GetDocumentAsync($"/sharing/members/{SharingDemoData.WorkingGroupSlug}");
        using var refused = await groupMember.GetAsync(new Uri($"/sharing/members/{SharingDemoData.WorkingGroupSlug}", UriKind.Relative), Token);

        // Assert
        list.QuerySelector($"tr[data-slug={SharingDemoData.WorkingGroupSlug}] [data-testid=members]")!.TextContent.ShouldBe("4");
        list.QuerySelector($"tr[data-slug={SharingDemoData.OpenChannelSlug}] [data-testid=kind]")!.TextContent.ShouldBe("Open");
        members.QuerySelectorAll("[data-testid=group-members] tbody tr").Length.ShouldBe(4);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        group.ArchivedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Start_WithSeedSharingOn_LeavesAnOpenReportInTheModeratorsQueue()
    {
        // Arrange
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        var queue = await moderator.GetDocumentAsync("/admin/sharing/reports");

        // Assert
        var row = queue.QuerySelector("[data-testid=reported-message]").ShouldNotBeNull();
        row.QuerySelector("[data-testid=open-reports]")!.TextContent.ShouldBe("1");
        row.TextContent.ShouldContain(SharingDemoData.VulnerabilitySubject);
    }

    private Task<(int Users, int Channels, int Subscriptions, int Topics, int Messages, int Sightings, int Mentions, int Revisions)> CountsAsync() =>
        portal.WithDbAsync(async db => (
            await db.Users.CountAsync(Token),
            await db.Channels.CountAsync(Token),
            await db.ChannelSubscriptions.CountAsync(Token),
            await db.Topics.CountAsync(Token),
            await db.Messages.CountAsync(Token),
            await db.MessageSightings.CountAsync(Token),
            await db.MessageMentions.CountAsync(Token),
            await db.MessageRevisions.CountAsync(Token)));

    [Fact]
    public async Task Start_WithSeedSharingOn_PinsTheVulnerabilityAlertOnHomeWithoutSendingMail()
    {
        // Arrange
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var home = await member.GetDocumentAsync("/");
        var channel = await member.GetDocumentAsync("/sharing/c/" + SharingDemoData.OpenChannelSlug);
        var alert = await portal.WithDbAsync(db => db.UrgentAlerts.AsNoTracking().SingleAsync(Token));
        var deliveries = await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.UrgentAlertId != null, Token));

        // Assert
        home.QuerySelector("[data-testid=pinned-alert-title]")!.TextContent.Trim().ShouldBe(SharingDemoData.AlertTitle);
        channel.QuerySelector("[data-testid=pinned-alert-title]")!.TextContent.Trim().ShouldBe(SharingDemoData.AlertTitle);
        alert.Status.ShouldBe(Web.Features.Sharing.Alerts.UrgentAlertStatus.Active);
        deliveries.ShouldBe(0, "the demo alert is seeded with no ledger rows, so start-up sends no mail");
    }
}
