using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Live;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// The live stream <c>/sharing/live</c> on one instance: a reply arrives rendered, only readers get it (checked per
/// event), a reconnecting browser replays what it missed, a suspended member's stream closes, and the database
/// notification carries ids only.
/// </summary>
public sealed partial class LiveUpdatesTests(LivePortalFixture portal) : IClassFixture<LivePortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reply_PostedByAnotherMember_ReachesTheFollowerRendered()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.author@member.eu");
        await portal.MemberAsync("lu.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: exploited VPN appliance", "Anyone patched yet?");
        using var authorClient = await portal.SignedInClientAsync("lu.author@member.eu");
        using var readerClient = await portal.SignedInClientAsync("lu.reader@member.eu");
        await using var live = await LiveEvents.OpenAsync(readerClient, $"?topic={topic.TopicId}");

        // Act
        using var posted = await authorClient.SubmitFormAsync($"/sharing/t/{topic.TopicId}", new Dictionary<string, string>
        {
            ["Input.Body"] = "Patched at **06:00**, indicators in the advisory.",
        }, "[data-testid=reply-form]");
        var received = await live.NextAsync();

        // Assert
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        received.Type.ShouldBe("message");
        received.Json.GetProperty("topic").GetGuid().ShouldBe(topic.TopicId);
        received.Json.GetProperty("mine").GetBoolean().ShouldBeFalse();
        received.Html.ShouldContain($"data-message=\"{received.Message}\"");
        received.Html.ShouldContain("Patched at <strong>06:00</strong>");
        received.Html.ShouldContain("Lu Author");
        received.Html.ShouldContain($"href=\"/sharing/m/{received.Message}\"");
        received.Html.ShouldNotContain("delete-form");
        received.Id.ShouldBe(await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == received.Message).Select(m => m.ChangeSeq).SingleAsync(Token)));
    }

    [Fact]
    public async Task Post_InAnotherSectorsChannel_ReachesNobodyOutsideIt()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.energy@member.eu", country: "FR", sector: "energy");
        await portal.MemberAsync("lu.health@member.eu", country: "DE", sector: "health");
        var sector = await portal.ChannelAsync("sector-energy");
        var community = await portal.ChannelAsync("community");
        var sectorTopic = await portal.StartTopicAsync(author, sector.Id, "Live: grid operator outage", "Only for energy.");
        using var outsider = await portal.SignedInClientAsync("lu.health@member.eu");
        await using var live = await LiveEvents.OpenAsync(outsider);

        // Act
        await portal.ReplyAsync(author, sectorTopic.TopicId, "Second energy-only message.");
        var open = await portal.StartTopicAsync(author, community.Id, "Live: for everyone", "Community message.");
        var next = await live.NextAsync();
        await using var followChannel = await LiveEvents.OpenAsync(outsider, $"?channel={sector.Id}");
        await using var followTopic = await LiveEvents.OpenAsync(outsider, $"?topic={sectorTopic.TopicId}");

        // Assert: the energy messages were announced before the community one, and none reached the outsider.
        next.Message.ShouldBe(open.MessageId);
        followChannel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        followTopic.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_InAWorkingGroup_StopsReachingAMemberTheMomentTheyAreRemoved()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.wg.author@member.eu");
        var leaver = await portal.MemberAsync("lu.wg.leaver@member.eu");
        var group = await portal.GroupAsync("lu-group", ChannelKind.WorkingGroup, TlpLabel.Amber, author, leaver);
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, group, "Live: hospital incident", "First, for the group.");
        using var client = await portal.SignedInClientAsync("lu.wg.leaver@member.eu");
        await using var live = await LiveEvents.OpenAsync(client);
        await portal.ReplyAsync(author, topic.TopicId, "While still a member.");
        var before = await live.NextAsync();

        // Act
        await portal.WithDbAsync(db => db.ChannelSubscriptions.Where(s => s.ChannelId == group && s.UserId == leaver).ExecuteDeleteAsync(Token));
        await portal.ReplyAsync(author, topic.TopicId, "After the removal.");
        var open = await portal.StartTopicAsync(author, community.Id, "Live: after the removal", "Community message.");
        var next = await live.NextAsync();

        // Assert
        before.Html.ShouldContain("While still a member.");
        next.Message.ShouldBe(open.MessageId);
    }

    [Fact]
    public async Task Follow_AWorkingGroupOfOthers_NotFound()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.wg2.author@member.eu");
        await portal.MemberAsync("lu.wg2.outsider@member.eu");
        var group = await portal.GroupAsync("lu-group-closed", ChannelKind.WorkingGroup, TlpLabel.Amber, author);
        using var outsider = await portal.SignedInClientAsync("lu.wg2.outsider@member.eu");

        // Act
        await using var response = await LiveEvents.OpenAsync(outsider, $"?channel={group}");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reconnect_WithLastEventId_ReplaysWhatWasMissedInOrderOnce()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.replay.author@member.eu");
        await portal.MemberAsync("lu.replay.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: replay", "Opening.");
        using var client = await portal.SignedInClientAsync("lu.replay.reader@member.eu");
        long lastId;
        await using (var first = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}"))
        {
            await portal.ReplyAsync(author, topic.TopicId, "Seen live.");
            lastId = (await first.NextAsync()).Id!.Value;
        }

        var missedOne = await portal.ReplyAsync(author, topic.TopicId, "Missed one.");
        var missedTwo = await portal.ReplyAsync(author, topic.TopicId, "Missed two.");

        // Act
        await using var again = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}", lastEventId: lastId);
        var replayedOne = await again.NextAsync();
        var replayedTwo = await again.NextAsync();
        var live = await portal.ReplyAsync(author, topic.TopicId, "Live again.");
        var next = await again.NextAsync();

        // Assert
        replayedOne.Message.ShouldBe(missedOne.MessageId);
        replayedTwo.Message.ShouldBe(missedTwo.MessageId);
        replayedTwo.Id!.Value.ShouldBeGreaterThan(replayedOne.Id!.Value);
        replayedOne.Id!.Value.ShouldBeGreaterThan(lastId);
        next.Message.ShouldBe(live.MessageId);
    }

    [Fact]
    public async Task Notification_OfAChangeBeforeTheStreamOpened_ArrivingLate_IsNotPushed()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.late.author@member.eu");
        await portal.MemberAsync("lu.late.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var earlier = await portal.StartTopicAsync(author, community.Id, "Live: late notification", "Before the stream.");
        var earlierSeq = await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == earlier.MessageId).Select(m => m.ChangeSeq).SingleAsync(Token));
        using var client = await portal.SignedInClientAsync("lu.late.reader@member.eu");
        await using var live = await LiveEvents.OpenAsync(client, $"?topic={earlier.TopicId}");

        // Act: the database's notification of the earlier change reaches the instance only now, as when its listener
        // is behind under load.
        await portal.WithServiceAsync<LiveDispatcher>(d => d.DispatchAsync([new LiveChange(community.Id, earlierSeq)], Token));
        var reply = await portal.ReplyAsync(author, earlier.TopicId, "After the stream opened.");
        var next = await live.NextAsync();

        // Assert
        next.Message.ShouldBe(reply.MessageId);
        next.Id!.Value.ShouldBeGreaterThan(earlierSeq);
    }

    [Fact]
    public async Task Change_CommittedWhileTheStreamIsStarting_ReachesItOnceItHasAnswered()
    {
        // Arrange: a stream opened without a starting number starts at the latest change. The messages table is locked,
        // so that the stream's server side stops at its first read of it.
        var author = await portal.MemberAsync("lu.starting.author@member.eu");
        await portal.MemberAsync("lu.starting.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: while starting", "Opening post.");
        using var client = await portal.SignedInClientAsync("lu.starting.reader@member.eu");
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        await using (var lockMessages = new NpgsqlCommand("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await lockMessages.ExecuteNonQueryAsync(Token);
        }

        var opening = LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}");
        await WaitForALockWaitAsync();
        var answered = await Task.WhenAny(opening, Task.Delay(TimeSpan.FromSeconds(1), Token)) == opening;

        // Act: an edit commits while the stream is held at that read; then another once it runs.
        await using (var edit = new NpgsqlCommand("""UPDATE messages SET "BodyMarkdown" = 'Edited while the stream started.', "EditedAt" = now() WHERE "Id" = @id""", connection, transaction))
        {
            edit.Parameters.AddWithValue("id", topic.MessageId);
            await edit.ExecuteNonQueryAsync(Token);
        }

        await transaction.CommitAsync(Token);
        await using var live = await opening;
        await portal.WithServiceAsync<CecPortal.Web.Features.Sharing.Topics.MessageWriter>(w => w.EditAsync(author, topic.MessageId, "Edited once it ran.", TlpLabel.Amber, Token));
        var received = new List<string> { (await live.NextAsync()).Html };
        if (!received[0].Contains("Edited once it ran.", StringComparison.Ordinal))
        {
            received.Add((await live.NextAsync()).Html);
        }

        // Assert: a stream that had answered before the first edit committed gets both; one that had not yet answered
        // starts after the first edit, and gets the second only.
        received.Count.ShouldBe(answered ? 2 : 1);
        received[^1].ShouldContain("Edited once it ran.");
        if (answered)
        {
            received[0].ShouldContain("Edited while the stream started.");
        }

        async Task WaitForALockWaitAsync()
        {
            await using var watch = new NpgsqlConnection(portal.ConnectionString);
            await watch.OpenAsync(Token);
            await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watch);
            for (var tries = 0; (long)(await waiting.ExecuteScalarAsync(Token))! == 0; tries++)
            {
                tries.ShouldBeLessThan(200, "the stream never reached the locked table");
                await Task.Delay(50, Token);
            }
        }
    }

    [Fact]
    public async Task Edit_AndDelete_ArriveAsChangesOfTheSameMessage()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.edit.author@member.eu");
        await portal.MemberAsync("lu.edit.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: edits", "Frist version.");
        using var client = await portal.SignedInClientAsync("lu.edit.reader@member.eu");
        await using var live = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}");

        // Act
        await portal.WithServiceAsync<CecPortal.Web.Features.Sharing.Topics.MessageWriter>(w => w.EditAsync(author, topic.MessageId, "First version.", TlpLabel.Amber, Token));
        var edited = await live.NextAsync();
        await portal.WithServiceAsync<CecPortal.Web.Features.Sharing.Topics.MessageWriter>(w => w.DeleteAsync(author, topic.MessageId, Token));
        var deleted = await live.NextAsync();

        // Assert
        edited.Message.ShouldBe(topic.MessageId);
        edited.Html.ShouldContain("First version.");
        edited.Html.ShouldContain("(edited)");
        deleted.Message.ShouldBe(topic.MessageId);
        deleted.Html.ShouldContain("Message deleted.");
        deleted.Html.ShouldNotContain("First version.");
        deleted.Id!.Value.ShouldBeGreaterThan(edited.Id!.Value);
    }

    [Fact]
    public async Task Suspend_AConnectedMember_ClosesTheirStreamWithinTheSweep()
    {
        // Arrange
        var member = await portal.MemberAsync("lu.suspended@member.eu");
        using var client = await portal.SignedInClientAsync("lu.suspended@member.eu");
        await using var live = await LiveEvents.OpenAsync(client);

        // Act
        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == member, Token)).Suspend("Test.", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Token);
        });

        // Assert: the sweep runs every second in this fixture.
        (await live.ClosesWithinAsync(5)).ShouldBeTrue();
    }

    [Fact]
    public async Task Post_Notification_CarriesIdsOnly()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.notify@member.eu");
        var community = await portal.ChannelAsync("community");
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        var payloads = new List<string>();
        connection.Notification += (_, e) => payloads.Add(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN sharing", connection))
        {
            await listen.ExecuteNonQueryAsync(Token);
        }

        // Act
        var posted = await portal.StartTopicAsync(author, community.Id, "Live: secret subject", "Secret body text, TLP:AMBER.");
        var changeSeq = await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == posted.MessageId).Select(m => m.ChangeSeq).SingleAsync(Token));
        var expected = $$"""{"c":"{{community.Id}}","s":{{changeSeq}}}""";
        while (!payloads.Contains(expected))
        {
            (await connection.WaitAsync(TimeSpan.FromSeconds(10), Token)).ShouldBeTrue("no notification within 10 s");
        }

        // Assert: the post's notification, and any earlier one PostgreSQL handed this new listener, carry ids only.
        payloads.ShouldAllBe(p => IdsOnly().IsMatch(p));
        payloads.Count(p => p == expected).ShouldBe(1);
    }

    [Fact]
    public async Task Change_RolledBack_IsNeverAnnounced()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.rollback@member.eu");
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, "Live: rolled back", "Stays.");
        var lastCommitted = await portal.WithDbAsync(db => db.Messages.MaxAsync(m => m.ChangeSeq, Token));
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        var payloads = new List<string>();
        connection.Notification += (_, e) => payloads.Add(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN sharing", connection))
        {
            await listen.ExecuteNonQueryAsync(Token);
        }

        // Act: a deletion saved inside a transaction that is then rolled back.
        await portal.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Token);
            (await db.Messages.SingleAsync(m => m.Id == posted.MessageId, Token)).Delete(author, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Token);
            await transaction.RollbackAsync(Token);
            return 0;
        });
        while (await connection.WaitAsync(TimeSpan.FromSeconds(2), Token))
        {
            // Until two seconds pass without one.
        }

        // Assert: PostgreSQL may hand a new listener notifications committed just before it listened (while the portal's
        // own listener had not read them yet), so the test allows those; none is of a later change.
        payloads.Select(p => long.Parse(ChangeNumber().Match(p).Groups[1].Value, CultureInfo.InvariantCulture)).ShouldAllBe(s => s <= lastCommitted);
        (await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == posted.MessageId).Select(m => m.DeletedAt).SingleAsync(Token))).ShouldBeNull();
    }

    [Fact]
    public async Task ListeningConnection_Dropped_ReconnectsAndDeliversWhatCameMeanwhile()
    {
        // Arrange
        var author = await portal.MemberAsync("lu.drop.author@member.eu");
        await portal.MemberAsync("lu.drop.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: database restart", "Before.");
        using var client = await portal.SignedInClientAsync("lu.drop.reader@member.eu");
        await using var live = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}");

        // Act: end the listener's connection as a database restart would, and post before it is back.
        await using (var admin = new NpgsqlConnection(portal.ConnectionString))
        {
            await admin.OpenAsync(Token);
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", admin);
            terminate.Parameters.AddWithValue("name", LiveListener.ApplicationName);
            ((long)(await terminate.ExecuteScalarAsync(Token))!).ShouldBe(1);
        }

        var reply = await portal.ReplyAsync(author, topic.TopicId, "Posted while the listener was away.");
        var received = await live.NextAsync(seconds: 15);

        // Assert
        received.Message.ShouldBe(reply.MessageId);
    }

    [Fact]
    public async Task Open_WithoutAskingForAnEventStream_NotAcceptable()
    {
        // Arrange
        await portal.MemberAsync("lu.plain@member.eu");
        using var client = await portal.SignedInClientAsync("lu.plain@member.eu");

        // Act
        using var response = await client.GetAsync("/sharing/live", Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
    }

    [GeneratedRegex("""^\{"c":"[0-9a-f-]{36}","s":[0-9]+\}$""")]
    private static partial Regex IdsOnly();

    [GeneratedRegex(""","s":([0-9]+)\}$""")]
    private static partial Regex ChangeNumber();
}
