using System.Net;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>A portal whose sessions end after 8 idle seconds, so a test can see the live stream respect the idle timeout.</summary>
public sealed class ShortSessionPortalFixture : PortalFixture
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(8);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:00:08" };
}

/// <summary>
/// An open sharing tab must not keep an unattended session alive: the live stream neither slides the idle timeout (as
/// a page request in the second half of it does) nor outlives the session it was opened with.
/// </summary>
public sealed class LiveSessionTests(ShortSessionPortalFixture portal) : IClassFixture<ShortSessionPortalFixture>
{
    [Fact]
    public async Task Stream_InTheSecondHalfOfTheIdleTimeout_DoesNotExtendTheSessionAndEndsWithIt()
    {
        // Arrange: past half the idle timeout, where any page request would slide the session.
        await portal.MemberAsync("ls.idle@member.eu");
        using var client = await portal.SignedInClientAsync("ls.idle@member.eu");
        await Task.Delay(ShortSessionPortalFixture.IdleTimeout / 2 + TimeSpan.FromSeconds(0.5), TestContext.Current.CancellationToken);

        // Act
        await using var live = await LiveEvents.OpenAsync(client);
        using var page = await client.GetAsync("/sharing", TestContext.Current.CancellationToken);

        // Assert
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        live.Headers.Contains("Set-Cookie").ShouldBeFalse("the stream slid the session");
        page.Headers.Contains("Set-Cookie").ShouldBeTrue("a page request at the same moment slides it (the control)");
        (await live.ClosesWithinAsync(8)).ShouldBeTrue("the stream outlived the session it was opened with");
    }
}
