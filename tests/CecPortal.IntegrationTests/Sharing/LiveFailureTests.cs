using System.Data.Common;
using CecPortal.Web.Features.Sharing.Live;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Watches the queries that read changes for pushing: counts them, fails the next one once armed (as PostgreSQL does
/// when it has no connection left to give, "too many clients"), or holds the next one until released.
/// </summary>
public sealed class DispatchProbe : DbCommandInterceptor
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failNext;
    private int _holdNext;
    private int _failed;
    private int _queries;

    public int Failed => Volatile.Read(ref _failed);

    public int Queries => Volatile.Read(ref _queries);

    /// <summary>Completes once a held query is waiting.</summary>
    public Task Holding => _holding.Task;

    public void FailNext() => Interlocked.Exchange(ref _failNext, 1);

    public void HoldNext() => Interlocked.Exchange(ref _holdNext, 1);

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!command.CommandText.Contains(LiveDispatcher.DispatchTag, StringComparison.Ordinal))
        {
            return result;
        }

        Interlocked.Increment(ref _queries);
        if (Interlocked.Exchange(ref _failNext, 0) == 1)
        {
            Interlocked.Increment(ref _failed);
            throw new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300");
        }

        if (Interlocked.Exchange(ref _holdNext, 0) == 1)
        {
            _holding.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }

        return result;
    }
}

/// <summary>A portal whose pushes can be made to fail on demand.</summary>
public sealed class DispatchProbePortalFixture : PortalFixture
{
    public DispatchProbe Dispatch { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(Dispatch);
}

/// <summary>
/// A push that fails is not lost: the streams that could have received it close, and their browsers, reconnecting with
/// the last id they received (a stream gives one as soon as it opens), replay it from the database.
/// </summary>
public sealed class LiveFailureTests(DispatchProbePortalFixture portal) : IClassFixture<DispatchProbePortalFixture>
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

/// <summary>
/// Changes that queue up while a push is under way are read together, in one query, and reach the streams in change
/// order: pushes do not take one pooled connection per change from the page requests.
/// </summary>
public sealed class LiveBatchTests(DispatchProbePortalFixture portal) : IClassFixture<DispatchProbePortalFixture>
{
    [Fact]
    public async Task Replies_QueuedWhileAPushIsUnderWay_ArePushedInOneQueryInOrder()
    {
        // Arrange: a reader follows a topic; the push of the first reply is held in its query.
        var author = await portal.MemberAsync("lb.author@member.eu");
        await portal.MemberAsync("lb.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Live: batches", "Opening.");
        using var client = await portal.SignedInClientAsync("lb.reader@member.eu");
        await using var live = await LiveEvents.OpenAsync(client, $"?topic={topic.TopicId}");
        await live.LastEventIdAsync();
        portal.Dispatch.HoldNext();
        var first = await portal.ReplyAsync(author, topic.TopicId, "First.");
        await portal.Dispatch.Holding.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var before = portal.Dispatch.Queries;

        // Act: three more replies while it is held, then let it go.
        var queued = new List<Guid>();
        foreach (var body in new[] { "Second.", "Third.", "Fourth." })
        {
            queued.Add((await portal.ReplyAsync(author, topic.TopicId, body)).MessageId);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        portal.Dispatch.Release();
        var received = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            received.Add((await live.NextAsync()).Message);
        }

        // Assert
        received.ShouldBe([first.MessageId, .. queued]);
        (portal.Dispatch.Queries - before).ShouldBe(1, "the three queued replies were not read in one query");
    }
}
