using System.Net;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Urgent alerts end to end, on real PostgreSQL, Hangfire and the SMTP sink: a member proposes through the message's
/// page, a moderator confirms on the staff page, the alert is emailed once, through the briefing's ledger, to the
/// channel's readers who keep alerts on; pinned on the channel and home pages of readers only; TLP:RED and
/// TLP:AMBER+STRICT mail carries the title and the link only; the rate limit keeps what was typed; every step audited.
/// </summary>
public sealed class UrgentAlertTests(BriefingDeliveryFixture portal) : IClassFixture<BriefingDeliveryFixture>
{
    private static CancellationToken Token => BriefingDeliveryFixture.Token;

    [Fact]
    public async Task Confirm_ProposalInAWorkingGroup_EmailsOnceToItsOptedInReadersOnly()
    {
        // Arrange
        var proposer = await portal.MemberAsync("ua.proposer@member.eu");
        var reader = await portal.MemberAsync("ua.reader@member.eu");
        var optedOut = await portal.MemberAsync("ua.optedout@member.eu");
        var suspended = await portal.MemberAsync("ua.suspended@member.eu");
        await portal.MemberAsync("ua.outsider@member.eu");
        var groupId = await portal.GroupAsync("ua-group", ChannelKind.WorkingGroup, TlpLabel.Amber, proposer, reader, optedOut, suspended);
        await portal.WithServiceAsync<ChannelMembership>(membership => membership.ChangeSettingsAsync(optedOut, groupId, muted: false, NotifyLevel.All, urgentAlertsByEmail: false, Token));
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == suspended).ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow), Token));
        var posted = await portal.StartTopicAsync(proposer, groupId, "Edge gateway exploited", "**Exploited** in the wild since 06:00 <script>alert(1)</script> see https://vendor.example/advisory");
        using var member = await portal.SignedInClientAsync("ua.proposer@member.eu");
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var proposed = await member.SubmitFormAsync($"/sharing/m/{posted.MessageId}/alert", new Dictionary<string, string> { ["Title"] = "Edge gateway RCE exploited in the wild" }, "[data-testid=alert-form]");
        var alertId = await portal.WithDbAsync(db => db.UrgentAlerts.Where(a => a.MessageId == posted.MessageId).Select(a => a.Id).SingleAsync(Token));
        using var confirmed = await moderator.SubmitFormAsync("/admin/sharing/alerts", new Dictionary<string, string>(), $"form[action*='handler=Confirm'][action*='{alertId}']");
        await BriefingDeliveryFixture.WaitUntilAsync(
            async () => await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.UrgentAlertId == alertId && d.Status == DeliveryStatus.Pending, Token)) == 0 && AlertMail(alertId).Count >= 2,
            "the alert's emails");
        await portal.WithServiceAsync<SendDeliveryChunkJob>(job => job.RunAsync(DeliveryKind.UrgentAlert, alertId, SendBriefingChunkJob.FollowUp, Token));
        await portal.WithServiceAsync<BriefingDeliverySweepJob>(job => job.RunAsync(Token));

        // Assert
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = AlertMail(alertId);
        mail.Select(m => m.Recipients.Single()).Order().ShouldBe(["ua.proposer@member.eu", "ua.reader@member.eu"]);
        var message = mail[0].Message;
        message.Subject.ShouldBe("[TLP:AMBER] CEC urgent alert: Edge gateway RCE exploited in the wild");
        var html = message.HtmlBody!;
        html.ShouldContain("<strong>Exploited</strong>");
        html.ShouldNotContain("<script");
        html.ShouldContain("Group ua-group");
        html.ShouldContain($"href=\"https://portal.test/sharing/m/{posted.MessageId}\"");
        message.TextBody!.ShouldContain("Exploited");
        var ledger = await portal.WithDbAsync(db => db.BriefingDeliveries.AsNoTracking().Where(d => d.UrgentAlertId == alertId).ToListAsync(Token));
        ledger.Count.ShouldBe(2, "the opted-out, the suspended and the outsider get no row");
        ledger.ShouldAllBe(d => d.Status == DeliveryStatus.Sent && d.Attempts == 1 && d.BriefingId == null);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == UrgentAlerts.AuditSubject(alertId)).Select(e => e.Action).ToListAsync(Token));
        audit.Order().ShouldBe([UrgentAlerts.ConfirmedAction, UrgentAlerts.ProposedAction]);
    }

    [Theory]
    [InlineData(TlpLabel.Red)]
    [InlineData(TlpLabel.AmberStrict)]
    public async Task Raise_RestrictedLabel_EmailsOnlyTheTitleAndTheLink(TlpLabel tlp)
    {
        // Arrange
        var slug = $"ua-restricted-{tlp.ToString().ToLowerInvariant()}";
        var author = await portal.MemberAsync($"ua.author.{tlp.ToString().ToLowerInvariant()}@member.eu");
        var moderatorId = await portal.UserIdAsync(PortalFactory.ModeratorEmail);
        var groupId = await portal.GroupAsync(slug, ChannelKind.WorkingGroup, tlp, author, moderatorId);
        var posted = await portal.StartTopicAsync(author, groupId, "Restricted details", "Indicator 203.0.113.77 seen at SecretVictimCorp", tlp);
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var raised = await moderator.SubmitFormAsync($"/sharing/m/{posted.MessageId}/alert", new Dictionary<string, string> { ["Title"] = "Exploitation seen in a member's network" }, "[data-testid=alert-form]");
        var alertId = await portal.WithDbAsync(db => db.UrgentAlerts.Where(a => a.MessageId == posted.MessageId).Select(a => a.Id).SingleAsync(Token));
        await BriefingDeliveryFixture.WaitUntilAsync(async () => AlertMail(alertId).Count >= 2, "the alert's emails");

        // Assert
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = AlertMail(alertId);
        mail.Count.ShouldBe(2);
        foreach (var message in mail.Select(m => m.Message))
        {
            message.Subject.ShouldBe($"[{tlp.Display()}] CEC urgent alert: Exploitation seen in a member's network");
            foreach (var body in new[] { message.HtmlBody!, message.TextBody! })
            {
                body.ShouldContain("Exploitation seen in a member");
                body.ShouldContain($"https://portal.test/sharing/m/{posted.MessageId}");
                body.ShouldNotContain("SecretVictimCorp");
                body.ShouldNotContain("203.0.113.77");
                body.ShouldNotContain("Group " + slug);
            }
        }

        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == UrgentAlerts.AuditSubject(alertId)).Select(e => e.Action).ToListAsync(Token));
        audit.ShouldBe([UrgentAlerts.RaisedAction]);
    }

    [Fact]
    public async Task Pin_ActiveAlert_ShownOnChannelAndHomeForReadersOnlyUntilEnded()
    {
        // Arrange
        var author = await portal.MemberAsync("ua.pin.author@member.eu");
        var reader = await portal.MemberAsync("ua.pin.reader@member.eu");
        await portal.MemberAsync("ua.pin.outsider@member.eu");
        var groupId = await portal.GroupAsync("ua-pin-group", ChannelKind.WorkingGroup, TlpLabel.Amber, author, reader);
        var posted = await portal.StartTopicAsync(author, groupId, "Pinned topic", "Patch the gateway now.");
        var alertId = await RaiseAsGroupModeratorAsync(groupId, posted.MessageId, "Pin me: gateway exploited");
        using var readerClient = await portal.SignedInClientAsync("ua.pin.reader@member.eu");
        using var outsiderClient = await portal.SignedInClientAsync("ua.pin.outsider@member.eu");
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        var channelPage = await readerClient.GetDocumentAsync("/sharing/c/ua-pin-group");
        var home = await readerClient.GetDocumentAsync("/");
        var outsiderHome = await outsiderClient.GetDocumentAsync("/");
        using var ended = await moderator.SubmitFormAsync("/admin/sharing/alerts", new Dictionary<string, string>(), $"form[action*='handler=End'][action*='{alertId}']");
        var homeAfter = await readerClient.GetDocumentAsync("/");

        // Assert
        Titles(channelPage).ShouldContain("Pin me: gateway exploited");
        Titles(home).ShouldContain("Pin me: gateway exploited");
        Titles(outsiderHome).ShouldNotContain("Pin me: gateway exploited");
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Titles(homeAfter).ShouldNotContain("Pin me: gateway exploited");
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == UrgentAlerts.AuditSubject(alertId)).Select(e => e.Action).ToListAsync(Token));
        audit.ShouldContain(UrgentAlerts.EndedAction);
    }

    [Fact]
    public async Task Propose_OverTheHourlyLimit_RefusedWithTheTitleKept()
    {
        // Arrange
        var member = await portal.MemberAsync("ua.limit@member.eu");
        var groupId = await portal.GroupAsync("ua-limit-group", ChannelKind.WorkingGroup, TlpLabel.Amber, member);
        var messages = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            messages.Add((await portal.StartTopicAsync(member, groupId, $"Limit topic {i}", $"Message {i}")).MessageId);
        }

        using var client = await portal.SignedInClientAsync("ua.limit@member.eu");
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await client.SubmitFormAsync($"/sharing/m/{messages[i]}/alert", new Dictionary<string, string> { ["Title"] = $"Alert {i}" }, "[data-testid=alert-form]");
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Act
        using var refused = await client.SubmitFormAsync($"/sharing/m/{messages[3]}/alert", new Dictionary<string, string> { ["Title"] = "One alert too many" }, "[data-testid=alert-form]");
        var page = await refused.ReadDocumentAsync();

        // Assert
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("in the last hour");
        page.QuerySelector("[data-testid=alert-title]")!.GetAttribute("value").ShouldBe("One alert too many");
        (await portal.WithDbAsync(db => db.UrgentAlerts.CountAsync(a => a.MessageId == messages[3], Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Propose_TitleOverTheLimit_ReshowsTheFormWithTheTitleKeptAndStoresNothing()
    {
        // Arrange
        var member = await portal.MemberAsync("ua.longtitle@member.eu");
        var groupId = await portal.GroupAsync("ua-longtitle-group", ChannelKind.WorkingGroup, TlpLabel.Amber, member);
        var posted = await portal.StartTopicAsync(member, groupId, "Long title topic", "Exploited since 06:00.");
        var title = new string('x', UrgentAlert.MaxTitleLength + 1);
        using var client = await portal.SignedInClientAsync("ua.longtitle@member.eu");

        // Act
        using var refused = await client.SubmitFormAsync($"/sharing/m/{posted.MessageId}/alert", new Dictionary<string, string> { ["Title"] = title }, "[data-testid=alert-form]");
        var page = await refused.ReadDocumentAsync();

        // Assert
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldContain("The alert title is at most");
        page.QuerySelector("[data-testid=alert-title]")!.GetAttribute("value").ShouldBe(title);
        (await portal.WithDbAsync(db => db.UrgentAlerts.CountAsync(a => a.MessageId == posted.MessageId, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Propose_MessageTheMemberMayNotRead_NotFound()
    {
        // Arrange
        var insider = await portal.MemberAsync("ua.insider@member.eu");
        await portal.MemberAsync("ua.stranger@member.eu");
        var groupId = await portal.GroupAsync("ua-closed-group", ChannelKind.WorkingGroup, TlpLabel.Amber, insider);
        var posted = await portal.StartTopicAsync(insider, groupId, "Closed topic", "Only for the group.");
        using var stranger = await portal.SignedInClientAsync("ua.stranger@member.eu");

        // Act
        using var response = await stranger.GetAsync($"/sharing/m/{posted.MessageId}/alert", Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retention_OldAlertDeliveryRows_DeletedWithoutBriefingCounts()
    {
        // Arrange
        var author = await portal.MemberAsync("ua.retention@member.eu");
        var groupId = await portal.GroupAsync("ua-retention-group", ChannelKind.WorkingGroup, TlpLabel.Amber, author);
        var posted = await portal.StartTopicAsync(author, groupId, "Old alert", "Long ago.");
        var alertId = await RaiseAsGroupModeratorAsync(groupId, posted.MessageId, "An alert from long ago");
        await BriefingDeliveryFixture.WaitUntilAsync(async () => AlertMail(alertId).Count >= 2, "the alert's emails");
        await portal.WithDbAsync(db => db.BriefingDeliveries.Where(d => d.UrgentAlertId == alertId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, DateTimeOffset.UtcNow.AddYears(-3)), Token));

        // Act
        await portal.WithServiceAsync<Web.Features.Privacy.RetentionJobs>(jobs => jobs.DeleteDeliveryDetailsAsync(Token));

        // Assert
        (await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.UrgentAlertId == alertId, Token))).ShouldBe(0);
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=pinned-alert-title]").Select(a => a.TextContent.Trim())];

    private List<SinkMessage> AlertMail(Guid alertId) =>
        [.. portal.Sink.Received.Where(m => m.Message.MessageId?.StartsWith($"alert.{alertId:N}.", StringComparison.Ordinal) == true)];

    /// <summary>Raised through the service as the moderator, added to the group so that they may read the message.</summary>
    private async Task<Guid> RaiseAsGroupModeratorAsync(Guid groupId, Guid messageId, string title)
    {
        var moderatorId = await portal.UserIdAsync(PortalFactory.ModeratorEmail);
        await portal.WithDbAsync(async db =>
        {
            if (!await db.ChannelSubscriptions.AnyAsync(s => s.ChannelId == groupId && s.UserId == moderatorId, Token))
            {
                db.ChannelSubscriptions.Add(ChannelSubscription.Add(groupId, moderatorId, SubscriptionRole.Member, new Web.Infrastructure.Web.Actor(moderatorId, "Moderator"), DateTimeOffset.UtcNow));
            }

            return await db.SaveChangesAsync(Token);
        });
        var alertId = Guid.Empty;
        await portal.WithServiceAsync<UrgentAlerts>(async alerts => alertId = await alerts.RaiseAsync(new Web.Infrastructure.Web.Actor(moderatorId, "Moderator"), messageId, title, Token));
        return alertId;
    }
}
