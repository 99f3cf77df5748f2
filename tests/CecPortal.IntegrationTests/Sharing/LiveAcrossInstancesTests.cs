using System.Net;
using CecPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Two portals on one database, as two instances behind a load balancer: a message posted through one reaches a member
/// whose stream is open on the other, through PostgreSQL LISTEN/NOTIFY and nothing else.
/// </summary>
public sealed class LiveAcrossInstancesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Reply_PostedOnInstanceA_ReachesAStreamOnInstanceB()
    {
        // Arrange
        var author = await portal.MemberAsync("lx.author@member.eu");
        await portal.MemberAsync("lx.reader@member.eu");
        var community = await portal.ChannelAsync("community");
        var topic = await portal.StartTopicAsync(author, community.Id, "Two instances", "Opening.");
        await using var instanceB = new PortalFactory(portal.ConnectionString, portal.Smtp.Port);
        using var readerOnB = instanceB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await readerOnB.SignInAsync("lx.reader@member.eu", PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var authorOnA = await portal.SignedInClientAsync("lx.author@member.eu");
        await using var live = await LiveEvents.OpenAsync(readerOnB, $"?topic={topic.TopicId}");

        // Act
        using var posted = await authorOnA.SubmitFormAsync($"/sharing/t/{topic.TopicId}", new Dictionary<string, string>
        {
            ["Input.Body"] = "Posted through instance A.",
        }, "[data-testid=reply-form]");
        var received = await live.NextAsync();

        // Assert
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        received.Html.ShouldContain("Posted through instance A.");
        received.Html.ShouldContain("Lx Author");
    }
}
