using System.Data.Common;
using CecPortal.Web.Features.Sharing.Live;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Fails the next query that reads changes for pushing, as PostgreSQL does when it has no connection left to give
/// ("too many clients"), once armed.
/// </summary>
public sealed class FailingDispatch : DbCommandInterceptor
{
    private int _armed;

    public int Failed => Volatile.Read(ref _failed);

    private int _failed;

    public void FailNext() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(LiveDispatcher.DispatchTag, StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Interlocked.Increment(ref _failed);
            throw new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300");
        }

        return ValueTask.FromResult(result);
    }
}

/// <summary>A portal whose pushes can be made to fail on demand.</summary>
public sealed class FailingDispatchPortalFixture : PortalFixture
{
    public FailingDispatch Dispatch { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(Dispatch);
}

/// <summary>
/// A push that fails is not lost: the streams that could have received it close, and their browsers, reconnecting with
/// the last id they received (a stream gives one as soon as it opens), replay it from the database.
/// </summary>
public sealed class LiveFailureTests(FailingDispatchPortalFixture portal) : IClassFixture<FailingDispatchPortalFixture>
{
    [Fact]
    public async Task Push_ThatFails_ClosesTheStreamAndReconnectingReplaysTheChange()
    {
        // Arrange: a reader has just opened a topic's stream and received no event yet.
        var author = await portal.MemberAsync("lf.author@member.eu");
        await portal.MemberAsync("lf.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: failed push", "Opening.");
        using var client = await portal.SignedInClientAsync("lf.reader@member.eu");
        var first = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}");
        var resumeFrom = await first.LastEventIdAsync();

        // Act: the push of the next reply fails.
        portal.Dispatch.FailNext();
        var reply = await portal.ReplyAsync(author, topic.TopicId, "Posted while the database refused connections.");
        var closed = await first.ClosesWithinAsync(10);
        await first.DisposeAsync();
        await using var again = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}", lastEventId: resumeFrom);
        var replayed = await again.NextAsync();

        // Assert
        portal.Dispatch.Failed.ShouldBe(1);
        closed.ShouldBeTrue("the stream stayed open after its push failed");
        replayed.Message.ShouldBe(reply.MessageId);
        replayed.Html.ShouldContain("Posted while the database refused connections.");
    }
}
