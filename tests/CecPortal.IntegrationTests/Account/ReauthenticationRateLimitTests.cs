using System.Net;
using CecPortal.Testing;
using Shouldly;
using static CecPortal.IntegrationTests.Account.CredentialTestKit;

namespace CecPortal.IntegrationTests.Account;

/// <summary>A portal that allows three posts an hour per account to the pages that ask for the password again.</summary>
public sealed class TightReauthenticationLimitFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["RateLimits:ReauthenticationPerHour"] = "3" };
}

public sealed class ReauthenticationRateLimitTests(TightReauthenticationLimitFixture portal) : IClassFixture<TightReauthenticationLimitFixture>
{
    [Fact]
    public async Task ChangePassword_OverThePerAccountLimit_TooManyRequestsOnEveryPasswordPage()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "rate");
        using var client = await portal.SignedInClientAsync(email);
        var statuses = new List<HttpStatusCode>();

        // Act
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitFormAsync("/account/change-password", NewPassword("Lantern-fjord-orchid-77", WrongPassword));
            statuses.Add(response.StatusCode);
        }

        using var erase = await client.SubmitFormAsync("/profile/erase", new Dictionary<string, string> { ["Input.Password"] = WrongPassword, ["Input.Confirm"] = "true" });
        using var reading = await client.GetAsync(new Uri("/account/change-password", UriKind.Relative), Token);
        using var other = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        using var otherAccount = await other.SubmitFormAsync("/account/change-password", NewPassword("Lantern-fjord-orchid-77", WrongPassword));

        // Assert
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        erase.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        reading.StatusCode.ShouldBe(HttpStatusCode.OK);
        otherAccount.StatusCode.ShouldBe(HttpStatusCode.OK, "the limit is per account");
    }
}
