using System.Net;
using CecPortal.Testing;
using Shouldly;
using static CecPortal.IntegrationTests.Profile.ProfileTestKit;

namespace CecPortal.IntegrationTests.Profile;

/// <summary>A portal whose account-email forms allow two posts per client per hour.</summary>
public sealed class TightAccountEmailLimitFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["RateLimits:PasswordResetPerHour"] = "2" };
}

public sealed class EmailChangeRateLimitTests(TightAccountEmailLimitFixture portal) : IClassFixture<TightAccountEmailLimitFixture>
{
    [Fact]
    public async Task ChangeEmail_OverTheAccountEmailLimit_TooManyRequestsSharedWithForgotPassword()
    {
        // Arrange
        var (_, email) = await AddMemberAsync(portal.Factory, "Rita Rate");
        using var client = await SignedInAsync(portal, email);
        var statuses = new List<HttpStatusCode>();

        // Act
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SubmitFormAsync("/profile/email", EmailChangeTests.ChangeTo($"rate-{i}@profile-tests.example", "not the password"), "[data-testid=change-email-form]");
            statuses.Add(response.StatusCode);
        }

        using var forgot = await portal.CreateClient().SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        using var reading = await client.GetAsync(new Uri("/profile/email", UriKind.Relative), Token);

        // Assert
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        forgot.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        reading.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
