using CecPortal.Web.Features.Sharing.Live;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Change numbers become visible in the order they are given, so a stream that resumes after its <c>Last-Event-ID</c>
/// misses nothing, even when a slow transaction took its number before a quicker one that committed first.
/// </summary>
public sealed class LiveOrderTests(LivePortalFixture portal) : IClassFixture<LivePortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconnect_AfterASlowChangeCommitsBehindAQuickOne_ReplaysTheSlowChange()
    {
        // Arrange: a reader follows a topic and has seen its latest reply.
        var author = await portal.MemberAsync("lo.author@member.eu");
        await portal.MemberAsync("lo.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: commit order", "Opening.");
        var slow = await portal.ReplyAsync(author, topic.TopicId, "Will be edited slowly.");
        using var client = await portal.SignedInClientAsync("lo.reader@member.eu");
        long lastId;
        var first = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}");
        await portal.ReplyAsync(author, topic.TopicId, "Seen live.");
        lastId = (await first.NextAsync()).Id!.Value;

        // A slow writer takes the next change number and has not committed yet.
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        await using (var edit = new NpgsqlCommand(
            """
            UPDATE messages SET "BodyMarkdown" = 'Edited slowly.', "BodyHtml" = '<p>Edited slowly.</p>' WHERE "Id" = @id
            RETURNING pg_notify(@channel, json_build_object('c', "ChannelId", 's', "ChangeSeq")::text)
            """, connection, transaction))
        {
            edit.Parameters.AddWithValue("id", slow.MessageId);
            edit.Parameters.AddWithValue("channel", LiveChange.NotifyChannel);
            await edit.ExecuteNonQueryAsync(Token);
        }

        // Act: a quick reply meanwhile, then the reader drops its stream with the last id it received.
        var quick = Task.Run(() => portal.ReplyAsync(author, topic.TopicId, "Quick reply."), Token);
        if (await WaitsOrCompletesAsync(quick) == quick)
        {
            lastId = (await first.NextAsync()).Id!.Value;
        }

        await first.DisposeAsync();
        await transaction.CommitAsync(Token);
        var quickReply = await quick;
        await using var again = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}", lastEventId: lastId);
        var replayed = new List<Guid> { (await again.NextAsync()).Message, (await again.NextAsync()).Message };

        // Assert: the slow edit was not skipped, and came before the reply that waited for it.
        replayed.ShouldBe([slow.MessageId, quickReply.MessageId]);
    }

    /// <summary>The quick writer, once it has either committed or is waiting behind the slow one's change number.</summary>
    private async Task<Task> WaitsOrCompletesAsync(Task quick)
    {
        await using var probe = new NpgsqlConnection(portal.ConnectionString);
        await probe.OpenAsync(Token);
        for (var attempt = 0; attempt < 200 && !quick.IsCompleted; attempt++)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'", probe);
            if ((long)(await waiting.ExecuteScalarAsync(Token))! > 0)
            {
                return Task.CompletedTask;
            }

            await Task.Delay(50, Token);
        }

        return quick.IsCompleted ? quick : throw new TimeoutException("The quick reply neither committed nor waited for the slow change.");
    }
}
