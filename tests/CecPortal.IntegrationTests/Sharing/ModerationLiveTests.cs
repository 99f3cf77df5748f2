using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Infrastructure.Web;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>A moderator's decision reaches open pages at once: hiding and showing again go out on the live stream like an edit.</summary>
public sealed class ModerationLiveTests(LivePortalFixture portal) : IClassFixture<LivePortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hide_ThenShowAgain_ReachAnOpenTopicStreamAsChangesOfTheMessage()
    {
        // Arrange
        var author = await portal.MemberAsync("ml.author@member.eu");
        var reader = await portal.MemberAsync("ml.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, "Live: moderated", "Something a moderator will hide.");
        await portal.WithServiceAsync<MessageReporting>(r => r.ReportAsync(new Actor(reader, "ml.reader@member.eu"), posted.MessageId, ReportReason.Abusive, null, Token));
        var moderator = new Actor(await portal.UserIdAsync(PortalFactory.ModeratorEmail), PortalFactory.ModeratorEmail);
        using var client = await portal.SignedInClientAsync("ml.reader@member.eu");
        await using var live = await LiveEvents.OpenAsync(client, $"?topic={posted.TopicId}");

        // Act
        await portal.WithServiceAsync<MessageModeration>(m => m.HideAsync(posted.MessageId, "Abusive.", moderator, Token));
        var hidden = await live.NextAsync();
        await portal.WithServiceAsync<MessageModeration>(m => m.UnhideAsync(posted.MessageId, moderator, Token));
        var shown = await live.NextAsync();

        // Assert
        hidden.Message.ShouldBe(posted.MessageId);
        hidden.Html.ShouldContain("Hidden by a moderator.");
        hidden.Html.ShouldNotContain("Something a moderator will hide.");
        shown.Message.ShouldBe(posted.MessageId);
        shown.Html.ShouldContain("Something a moderator will hide.");
        shown.Id!.Value.ShouldBeGreaterThan(hidden.Id!.Value);
    }
}
