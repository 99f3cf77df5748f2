using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Change numbers are given as transactions commit, so they become visible in the order they are given and a stream that
/// resumes after its <c>Last-Event-ID</c> misses nothing; and a slow writer holds up no other writer while it works.
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
        var first = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}");
        await portal.ReplyAsync(author, topic.TopicId, "Seen live.");
        (await first.NextAsync()).Message.ShouldNotBe(slow.MessageId);

        // A slow writer has changed a message and not committed yet.
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        await using (var edit = new NpgsqlCommand(
            """UPDATE messages SET "BodyMarkdown" = 'Edited slowly.', "BodyHtml" = '<p>Edited slowly.</p>' WHERE "Id" = @id""", connection, transaction))
        {
            edit.Parameters.AddWithValue("id", slow.MessageId);
            await edit.ExecuteNonQueryAsync(Token);
        }

        // Act: a quick reply commits meanwhile (it waits for no lock of the slow writer: a hang here fails the test) and
        // reaches the reader, who drops its stream with that last id; then the slow change commits.
        var quick = await portal.ReplyAsync(author, topic.TopicId, "Quick reply.").WaitAsync(TimeSpan.FromSeconds(30), Token);
        var seenQuick = await first.NextAsync();
        await first.DisposeAsync();
        await transaction.CommitAsync(Token);
        await using var again = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}", lastEventId: seenQuick.Id!.Value);
        var replayed = await again.NextAsync();

        // Assert: the quick reply came first live, and the slow edit, numbered at its commit, was not skipped on resume.
        seenQuick.Message.ShouldBe(quick.MessageId);
        replayed.Message.ShouldBe(slow.MessageId);
        replayed.Id!.Value.ShouldBeGreaterThan(seenQuick.Id!.Value);
        replayed.Html.ShouldContain("Edited slowly.");
    }
}
