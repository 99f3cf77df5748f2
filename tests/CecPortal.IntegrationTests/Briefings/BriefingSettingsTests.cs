using System.Net;
using CecPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>The "Briefing" section of the profile: the daily email on or off, and the private feed address.</summary>
public sealed class BriefingSettingsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task PostDailyEmail_OffThenOn_SetsAndClearsTheOptOut()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var off = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=daily-email-form]");
        var afterOff = await client.GetDocumentAsync("/profile");
        var optedOutAt = await OptOutAsync(PortalFactory.MemberEmail);
        using var on = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=daily-email-form]");
        var afterOn = await client.GetDocumentAsync("/profile");

        // Assert
        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        off.Headers.Location!.OriginalString.ShouldBe("/profile#briefing");
        optedOutAt.ShouldNotBeNull();
        afterOff.QuerySelector("[role=status]")!.TextContent.ShouldBe("You will no longer receive the daily briefing by email. You can still read it here.");
        afterOff.QuerySelector("[data-testid=daily-email-status]")!.TextContent.ShouldStartWith("You do not receive the daily email");
        (await OptOutAsync(PortalFactory.MemberEmail)).ShouldBeNull();
        afterOn.QuerySelector("[role=status]")!.TextContent.ShouldBe("You will receive the daily briefing by email again.");
        afterOn.QuerySelector("[data-testid=daily-email-status]")!.TextContent.ShouldStartWith("You receive the briefing by email every morning.");
    }

    [Fact]
    public async Task PostDailyEmail_AfterOneClickUnsubscribe_ResubscribesTheMember()
    {
        // Arrange: the unsubscribe link in an email sets the same opt-out.
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.EditorEmail)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.BriefingOptOutAt, DateTimeOffset.UtcNow.AddDays(-3))));
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=daily-email-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OptOutAsync(PortalFactory.EditorEmail)).ShouldBeNull();
    }

    [Fact]
    public async Task PostCreateFeed_ShowsTheAddressOnceAndItOpensTheFeed()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        using var anonymous = portal.CreateClient();

        // Act
        using var created = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=create-feed-form]");
        var shown = await client.GetDocumentAsync("/profile");
        var again = await client.GetDocumentAsync("/profile");
        var url = shown.QuerySelector("#feed-url")!.GetAttribute("value")!;
        using var feed = await anonymous.GetAsync(new Uri(url), TestContext.Current.CancellationToken);

        // Assert
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        url.ShouldMatch("^http://localhost:5080/briefings/feed/[A-Za-z0-9_-]{43}$");
        shown.QuerySelector("[data-testid=new-feed-url]")!.TextContent.ShouldContain("copy it now, it will not be shown again");
        again.QuerySelector("[data-testid=new-feed-url]").ShouldBeNull();
        again.Body!.InnerHtml.ShouldNotContain(url);
        again.QuerySelector("[data-testid=feed-status]")!.TextContent.ShouldStartWith("You have a feed address");
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostReplaceAndRevokeFeed_OldAddressesStopWorking()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        using var anonymous = portal.CreateClient();
        using var _ = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=create-feed-form]");
        var first = (await client.GetDocumentAsync("/profile")).QuerySelector("#feed-url")!.GetAttribute("value")!;

        // Act
        using var replaced = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=create-feed-form]");
        var second = (await client.GetDocumentAsync("/profile")).QuerySelector("#feed-url")!.GetAttribute("value")!;
        using var firstAfterReplace = await anonymous.GetAsync(new Uri(first), TestContext.Current.CancellationToken);
        using var secondAfterReplace = await anonymous.GetAsync(new Uri(second), TestContext.Current.CancellationToken);
        using var revoked = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=revoke-feed-form]");
        var afterRevoke = await client.GetDocumentAsync("/profile");
        using var secondAfterRevoke = await anonymous.GetAsync(new Uri(second), TestContext.Current.CancellationToken);

        // Assert
        second.ShouldNotBe(first);
        firstAfterReplace.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        secondAfterReplace.StatusCode.ShouldBe(HttpStatusCode.OK);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterRevoke.QuerySelector("[role=status]")!.TextContent.ShouldBe("Your feed address has been revoked: feed readers using it get nothing more.");
        afterRevoke.QuerySelector("[data-testid=feed-status]")!.TextContent.ShouldBe("You have no feed address.");
        secondAfterRevoke.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("DailyEmail")]
    [InlineData("CreateFeed")]
    [InlineData("RevokeFeed")]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndChangesNothing(string handler)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var before = await portal.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == PortalFactory.MemberEmail)
            .Select(u => new { u.BriefingOptOutAt, u.FeedTokenHash }).SingleAsync());

        // Act
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["receive"] = "false" });
        using var response = await client.PostAsync(new Uri($"/profile?handler={handler}", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var after = await portal.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == PortalFactory.MemberEmail)
            .Select(u => new { u.BriefingOptOutAt, u.FeedTokenHash }).SingleAsync());

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        after.ShouldBe(before);
    }

    private Task<DateTimeOffset?> OptOutAsync(string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.BriefingOptOutAt).SingleAsync());
}
