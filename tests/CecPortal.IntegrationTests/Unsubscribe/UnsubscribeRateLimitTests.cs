using System.Net;
using CecPortal.Web.Data;
using CecPortal.Web.SharedKernel;
using Shouldly;

namespace CecPortal.IntegrationTests.Unsubscribe;

/// <summary>The unsubscribe page keeps its own limit, <c>RateLimits:UnsubscribePerMinute</c>, on POSTs only.</summary>
public sealed class UnsubscribeRateLimitTests(UnsubscribeRateLimitTests.TightLimitPortalFixture portal) : IClassFixture<UnsubscribeRateLimitTests.TightLimitPortalFixture>
{
    private const int PerMinute = 2;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_BeyondUnsubscribePerMinute_Answers429ButTheLinkStillOpens()
    {
        // Arrange
        var memberId = await portal.CreateUserAsync("unsub.limit@it.cec.example", "Many Clicks", Roles.Member);
        var token = string.Empty;
        await portal.WithServiceAsync<UnsubscribeTokens>(tokens =>
        {
            token = tokens.Create(memberId);
            return Task.CompletedTask;
        });
        var link = new Uri(UnsubscribeTokens.LinkPath + token, UriKind.Relative);
        using var anonymous = portal.CreateClient();

        // Act
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= PerMinute; i++)
        {
            using var response = await anonymous.PostAsync(link, null, Token);
            answers.Add(response.StatusCode);
        }

        using var opened = await anonymous.GetAsync(link, Token);

        // Assert
        answers.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.OK, PerMinute), HttpStatusCode.TooManyRequests]);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, "only POSTs count against the limit");
    }

    /// <summary>A portal that allows two unsubscribe POSTs a minute.</summary>
    public sealed class TightLimitPortalFixture : PortalFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
        {
            ["RateLimits:UnsubscribePerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
