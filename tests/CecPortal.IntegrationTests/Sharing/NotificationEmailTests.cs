using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Notifications;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// A portal on a fake clock, so that tests move past the inactivity window and the batch interval. The tests run the
/// digests themselves: the every-minute job is taken off, so that it cannot send between a test's steps.
/// </summary>
public sealed class NotificationPortalFixture : PortalFixture, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(SharingDigestJob.RecurringJobId);
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// The sharing space's notification emails: mentions, replies in one's own topics and (by the channel's setting) every
/// message reach a member by email once they have been away for the inactivity window, one email per batch interval,
/// never with the text of TLP:AMBER+STRICT or TLP:RED messages, and never about what they may no longer read. Each test
/// works in a working group of its own, so the tests' messages reach only their own members.
/// </summary>
public sealed class NotificationEmailTests(NotificationPortalFixture portal) : IClassFixture<NotificationPortalFixture>
{
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromMinutes(16);

    /// <summary>PostgreSQL keeps microseconds; .NET has ten times finer ticks.</summary>
    private static readonly TimeSpan Precision = TimeSpan.FromMilliseconds(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Digest_MentionWhileAway_OneEmailAfterTheWindowWithExcerptAndLinks()
    {
        // Arrange
        var (author, reader, group) = await GroupOfTwoAsync("away");
        var posted = await portal.StartTopicAsync(author, group, "Phishing wave", $"{Mention("away")} we see lures naming your bank.");

        // Act
        await RunJobAsync();
        var early = await OutboxCountAsync("away");
        portal.Clock.Advance(PastTheWindow);
        await RunJobAsync();
        await RunJobAsync();
        var email = await EmailToAsync("away");

        // Assert
        early.ShouldBe(0, "the message is younger than the inactivity window");
        (await OutboxCountAsync("away")).ShouldBe(1, "a second run sends nothing twice");
        var text = email.TextBody!;
        text.ShouldContain("Phishing wave");
        text.ShouldContain("Nt Away Author (you were mentioned)");
        text.ShouldContain("we see lures naming your bank.");
        text.ShouldContain($"/sharing/m/{posted.MessageId}");
        text.ShouldContain($"/sharing/c/nt-away#{DigestEmail.SettingsAnchor}");
        email.Subject!.ShouldNotContain("Phishing", customMessage: "the outbox keeps the subject line after sending");
        email.HtmlBody!.ShouldContain("we see lures naming your bank.");
        (await portal.WithDbAsync(db => db.SharingActivity.SingleAsync(a => a.UserId == reader, Token))).LastEmailedAt!.Value.ShouldBe(portal.Clock.GetUtcNow(), Precision);
    }

    [Fact]
    public async Task Digest_MentionWhileActiveThenRead_NoEmail()
    {
        // Arrange: the reader is in the portal when the mention comes, and ten minutes later still
        var (author, _, group) = await GroupOfTwoAsync("active");
        using var reader = await portal.SignedInClientAsync(Email("active", "reader"));
        var posted = await portal.StartTopicAsync(author, group, "Supplier breach", $"{Mention("active")} is your supplier affected?");
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        await reader.GetDocumentAsync("/sharing");

        // Act
        portal.Clock.Advance(TimeSpan.FromMinutes(6));
        await RunJobAsync();
        var whileActive = await OutboxCountAsync("active");
        await reader.GetDocumentAsync($"/sharing/t/{posted.TopicId}");
        portal.Clock.Advance(TimeSpan.FromMinutes(30));
        await RunJobAsync();

        // Assert
        whileActive.ShouldBe(0, "active six minutes ago: not away for the window yet");
        (await OutboxCountAsync("active")).ShouldBe(0, "a message the member has read is not emailed");
    }

    [Fact]
    public async Task Digest_TwoMentionsWithinTheWindow_OneEmailWithBoth()
    {
        // Arrange
        var (author, _, group) = await GroupOfTwoAsync("two");
        var first = await portal.StartTopicAsync(author, group, "Two mentions", $"{Mention("two")} first-mention-words");
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await portal.ReplyAsync(author, first.TopicId, $"{Mention("two")} second-mention-words");

        // Act
        portal.Clock.Advance(TimeSpan.FromMinutes(11));
        await RunJobAsync();
        portal.Clock.Advance(PastTheWindow);
        await RunJobAsync();
        var email = await EmailToAsync("two");

        // Assert
        (await OutboxCountAsync("two")).ShouldBe(1);
        email.TextBody!.ShouldContain("first-mention-words");
        email.TextBody!.ShouldContain("second-mention-words");
    }

    [Fact]
    public async Task Digest_RedAndAmberStrictMessages_AnnouncedByLabelAndChannelWithoutTextSubjectOrAuthor()
    {
        // Arrange
        var (author, _, group) = await GroupOfTwoAsync("tlp");
        var red = await portal.StartTopicAsync(author, group, "Closed-door-subject", $"{Mention("tlp")} red-secret-words", TlpLabel.Red);
        var strict = await portal.StartTopicAsync(author, group, "Strict-door-subject", $"{Mention("tlp")} strict-secret-words", TlpLabel.AmberStrict);
        await portal.StartTopicAsync(author, group, "Open-door-subject", $"{Mention("tlp")} amber-shareable-words", TlpLabel.Amber);

        // Act
        portal.Clock.Advance(PastTheWindow);
        await RunJobAsync();
        var email = await EmailToAsync("tlp");

        // Assert
        foreach (var body in new[] { email.TextBody!, email.HtmlBody! })
        {
            body.ShouldContain("amber-shareable-words");
            body.ShouldContain("Open-door-subject");
            body.ShouldNotContain("red-secret-words");
            body.ShouldNotContain("strict-secret-words");
            body.ShouldNotContain("Closed-door-subject");
            body.ShouldNotContain("Strict-door-subject");
            body.ShouldContain($"/sharing/m/{red.MessageId}");
            body.ShouldContain($"/sharing/m/{strict.MessageId}");
        }

        email.TextBody!.ShouldContain("A TLP:RED message in Group nt-tlp (you were mentioned)");
        email.TextBody!.ShouldContain("A TLP:AMBER+STRICT message in Group nt-tlp (you were mentioned)");
    }

    [Fact]
    public async Task Digest_NotifyNothingOrMuted_NoEmailWhileMentionsOnlyStillGetsMentions()
    {
        // Arrange: three readers of one group: one wants nothing, one muted it, one mentions only
        var author = await portal.MemberAsync(Email("settings", "author"));
        var nothing = await portal.MemberAsync(Email("nothing", "reader"));
        var muted = await portal.MemberAsync(Email("muted", "reader"));
        var mentionsOnly = await portal.MemberAsync(Email("mentions", "reader"));
        var group = await portal.GroupAsync("nt-settings", ChannelKind.WorkingGroup, TlpLabel.Amber, author, nothing, muted, mentionsOnly);
        await ChangeSettingsAsync(nothing, group, muted: false, NotifyLevel.Nothing);
        await ChangeSettingsAsync(muted, group, muted: true, NotifyLevel.All);
        await ChangeSettingsAsync(mentionsOnly, group, muted: false, NotifyLevel.MentionsOnly);
        await portal.StartTopicAsync(author, group, "Everyone named", $"{Mention("nothing")} {Mention("muted")} {Mention("mentions")} please check.");
        await portal.StartTopicAsync(author, group, "Nobody named", "general-chatter-words");

        // Act
        portal.Clock.Advance(PastTheWindow);
        await RunJobAsync();
        var email = await EmailToAsync("mentions");

        // Assert
        (await OutboxCountAsync("nothing")).ShouldBe(0);
        (await OutboxCountAsync("muted")).ShouldBe(0);
        email.TextBody!.ShouldContain("please check.");
        email.TextBody!.ShouldNotContain("general-chatter-words", customMessage: "mentions only: a message naming nobody is not emailed");
    }

    [Fact]
    public async Task Digest_RemovedFromTheWorkingGroupAfterTheMention_NoEmail()
    {
        // Arrange
        var (author, reader, group) = await GroupOfTwoAsync("removed");
        await portal.StartTopicAsync(author, group, "Before removal", $"{Mention("removed")} removed-reader-words");
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        await portal.WithServiceAsync<ChannelAdministration>(a => a.RemoveMemberAsync(group, reader, new Actor(adminId, PortalFactory.AdminEmail), Token));

        // Act
        portal.Clock.Advance(PastTheWindow);
        var candidates = await DueRecipientsAsync();
        await RunJobAsync();

        // Assert
        candidates.ShouldContain(reader, "the mention is still there: only the read check at send time keeps the email back");
        (await OutboxCountAsync("removed")).ShouldBe(0);
    }

    [Fact]
    public async Task Digest_ReplyInOwnTopic_ReachesTheStarterWithoutTheirOwnMessage()
    {
        // Arrange: the author starts a topic; the reader answers it, naming no one
        var (author, reader, group) = await GroupOfTwoAsync("starter");
        var topic = await portal.StartTopicAsync(author, group, "Own topic", "starter-own-words");
        await portal.ReplyAsync(reader, topic.TopicId, "reply-to-starter-words");

        // Act
        portal.Clock.Advance(PastTheWindow);
        await RunJobAsync();
        var email = await EmailToAsync("starter", "author");

        // Assert
        email.TextBody!.ShouldContain("reply-to-starter-words");
        email.TextBody!.ShouldContain("(a reply in your topic)");
        email.TextBody!.ShouldNotContain("starter-own-words", customMessage: "a member's own messages never notify them");
        author.ShouldNotBe(reader);
    }

    [Fact]
    public async Task Digest_RunOnTwoInstancesAtOnce_OneEmail()
    {
        // Arrange
        var (author, _, group) = await GroupOfTwoAsync("twice");
        await portal.StartTopicAsync(author, group, "Raced", $"{Mention("twice")} raced-words");
        portal.Clock.Advance(PastTheWindow);

        // Act
        await Task.WhenAll(RunJobAsync(), RunJobAsync(), RunJobAsync());

        // Assert
        (await OutboxCountAsync("twice")).ShouldBe(1);
    }

    [Fact]
    public async Task Activity_PageRequestCountsButBackgroundRequestDoesNot()
    {
        // Arrange
        var (_, reader, _) = await GroupOfTwoAsync("activity");
        using var client = await portal.SignedInClientAsync(Email("activity", "reader"));

        // Act
        using (var background = new HttpRequestMessage(HttpMethod.Get, new Uri("/sharing", UriKind.Relative)))
        {
            background.Headers.Add(BackgroundRequests.Header, "live");
            using var response = await client.SendAsync(background, Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var afterBackground = await ActivityAsync(reader);
        await client.GetDocumentAsync("/sharing");
        var afterPage = await ActivityAsync(reader);

        // Assert
        afterBackground.ShouldBeNull();
        afterPage!.Value.ShouldBe(portal.Clock.GetUtcNow(), Precision);
    }

    [Fact]
    public async Task Settings_FormRoundTrip_SavesEveryChoiceAndShowsThemBack()
    {
        // Arrange
        var (_, reader, group) = await GroupOfTwoAsync("form");
        using var client = await portal.SignedInClientAsync(Email("form", "reader"));
        var before = await client.GetDocumentAsync("/sharing/c/nt-form");

        // Act
        using var saved = await client.SubmitFormValuesAsync("/sharing/c/nt-form", [new("notify", nameof(NotifyLevel.MentionsOnly)), new("muted", "true")], "[data-testid=settings-form]");
        var after = await client.GetDocumentAsync("/sharing/c/nt-form");
        var subscription = await portal.WithDbAsync(db => db.ChannelSubscriptions.AsNoTracking().SingleAsync(s => s.ChannelId == group && s.UserId == reader, Token));

        // Assert
        before.QuerySelector("#notify-all")!.HasAttribute("checked").ShouldBeTrue();
        before.QuerySelector("#urgent-alerts")!.HasAttribute("checked").ShouldBeTrue();
        before.QuerySelector("[data-testid=settings-timing]")!.TextContent.ShouldContain("15 minutes");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldEndWith($"#{DigestEmail.SettingsAnchor}");
        (subscription.Notify, subscription.Muted, subscription.UrgentAlertsByEmail).ShouldBe((NotifyLevel.MentionsOnly, true, false));
        after.QuerySelector("#notify-mentionsonly")!.HasAttribute("checked").ShouldBeTrue();
        after.QuerySelector("#notify-all")!.HasAttribute("checked").ShouldBeFalse();
        after.QuerySelector("#muted")!.HasAttribute("checked").ShouldBeTrue();
        after.QuerySelector("#urgent-alerts")!.HasAttribute("checked").ShouldBeFalse();
    }

    [Theory]
    [InlineData("bad-name", "Everything", "true")]
    [InlineData("bad-number", "1", "true")]
    [InlineData("bad-empty", "", "true")]
    [InlineData("bad-switch", "All", "yes")]
    public async Task Settings_ValueNoFormOffers_ReshowsTheFormWithAMessageAndSavesNothing(string tag, string notify, string urgent)
    {
        // Arrange
        var (_, reader, group) = await GroupOfTwoAsync(tag);
        using var client = await portal.SignedInClientAsync(Email(tag, "reader"));

        // Act
        using var response = await client.SubmitFormValuesAsync($"/sharing/c/nt-{tag}", [new("notify", notify), new("muted", "true"), new("urgentAlertsByEmail", urgent)], "[data-testid=settings-form]");
        var page = await response.ReadDocumentAsync();
        var subscription = await portal.WithDbAsync(db => db.ChannelSubscriptions.AsNoTracking().SingleAsync(s => s.ChannelId == group && s.UserId == reader, Token));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=settings-errors]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("[data-testid=notification-settings]")!.HasAttribute("open").ShouldBeTrue();
        page.QuerySelector("#muted")!.HasAttribute("checked").ShouldBeTrue("the form shows what was posted");
        (subscription.Notify, subscription.Muted, subscription.UrgentAlertsByEmail).ShouldBe((NotifyLevel.All, false, true));
    }

    private static string Email(string tag, string role = "reader") => $"nt.{tag}.{role}@member.eu";

    private static string Mention(string tag) => $"@**{SharingArrange.NameOf(Email(tag))}**";

    /// <summary>An author and a reader in a working group of their own, <c>nt-{tag}</c>.</summary>
    private async Task<(string Author, string Reader, Guid Group)> GroupOfTwoAsync(string tag)
    {
        var author = await portal.MemberAsync(Email(tag, "author"));
        var reader = await portal.MemberAsync(Email(tag));
        var group = await portal.GroupAsync($"nt-{tag}", ChannelKind.WorkingGroup, TlpLabel.Amber, author, reader);
        return (author, reader, group);
    }

    private Task RunJobAsync() => portal.WithServiceAsync<SharingDigestJob>(job => job.RunAsync(Token));

    private async Task<IReadOnlyList<string>> DueRecipientsAsync()
    {
        IReadOnlyList<string> due = [];
        await portal.WithServiceAsync<SharingDigests>(async digests => due = await digests.DueRecipientsAsync(Token));
        return due;
    }

    private Task ChangeSettingsAsync(string userId, Guid channelId, bool muted, NotifyLevel notify) =>
        portal.WithServiceAsync<ChannelMembership>(m => m.ChangeSettingsAsync(userId, channelId, muted, notify, urgentAlertsByEmail: true, Token));

    private Task<int> OutboxCountAsync(string tag, string role = "reader") =>
        portal.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.To == Email(tag, role), Token));

    private Task<DateTimeOffset?> ActivityAsync(string userId) =>
        portal.WithDbAsync(db => db.SharingActivity.Where(a => a.UserId == userId).Select(a => a.LastActiveAt).SingleOrDefaultAsync(Token));

    private Task<MimeMessage> EmailToAsync(string tag, string role = "reader") =>
        portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == Email(tag, role)));
}
