using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.SharedKernel;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Webinars;

/// <summary>Members see webinar times on their own clock, and register in the browser.</summary>
public sealed class WebinarTests(BrowserPortal portal)
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    [Fact]
    public async Task Schedule_MembersInHelsinkiAndLisbon_SeeTheSameSessionAtTheirOwnLocalTimes()
    {
        // Arrange: 15:00 in Brussels on Tuesday 10 December 2030. The Helsinki member chose the zone in the profile;
        // the Lisbon member has no setting and gets the zone of their country.
        var sessionId = await AddSessionAsync("Incident response across borders", new DateOnly(2030, 12, 10));
        await CreateMemberAsync("webinar.helsinki@browser.example", "BE", "Europe/Helsinki");
        await CreateMemberAsync("webinar.lisbon@browser.example", "PT", null);

        // Act + Assert
        await portal.RunAsync(
            async page =>
            {
                var webinars = new WebinarsPage(page);
                await webinars.GotoAsync();
                await Expect(webinars.LocalTime(sessionId)).ToHaveTextAsync("Tue 10 Dec 2030, 16:00 (Helsinki)");
                await Expect(webinars.OrganiserTime(sessionId)).ToHaveTextAsync("· 15:00 Brussels time");
                await Expect(webinars.ZoneNote).ToContainTextAsync("Helsinki time (Europe/Helsinki)");
                await Screenshots.SaveAsync(page, "webinars-helsinki");
            },
            signedInAs: "webinar.helsinki@browser.example");
        await portal.RunAsync(
            async page =>
            {
                var webinars = new WebinarsPage(page);
                await webinars.GotoAsync();
                await Expect(webinars.LocalTime(sessionId)).ToHaveTextAsync("Tue 10 Dec 2030, 14:00 (Lisbon)");
                await Expect(webinars.OrganiserTime(sessionId)).ToHaveTextAsync("· 15:00 Brussels time");
                await Expect(webinars.ZoneNote).ToContainTextAsync("Lisbon time (Europe/Lisbon)");
            },
            signedInAs: "webinar.lisbon@browser.example");
    }

    [Fact]
    public async Task Register_Member_SeesTheirRegistration() => await portal.RunAsync(
        async page =>
        {
            // Arrange
            const string title = "Board reporting that lands";
            var sessionId = await AddSessionAsync(title, new DateOnly(2030, 11, 12));
            var webinars = new WebinarsPage(page);
            await webinars.GotoAsync();

            // Act
            await webinars.OpenAsync(title);
            await webinars.RegisterAsync();

            // Assert
            await Expect(webinars.StatusMessage).ToHaveTextAsync("You are registered. The meeting link is below.");
            await Expect(webinars.PlaceStatus).ToHaveTextAsync("You are registered.");
            await Screenshots.SaveAsync(page, "webinar-session-registered");
            await webinars.GotoAsync();
            await Expect(webinars.MyRegistration(sessionId)).ToContainTextAsync(title);
            await Expect(webinars.MyRegistration(sessionId).GetByTestId("standing")).ToHaveTextAsync("Registered");
            await Screenshots.SaveAsync(page, "webinars-registered");
        },
        signedInAs: await CreateMemberAsync("webinar.registers@browser.example", "FR", null));

    /// <summary>A session at 15:00 Brussels time on <paramref name="date"/>, in a paused one-off series of its own.</summary>
    private Task<Guid> AddSessionAsync(string title, DateOnly date) => portal.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var rule = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(60));
        var series = WebinarSeries.Create(title, rule, 50, now);
        series.Pause();
        var session = WebinarSession.Plan(series, WallClock.ToUtc(date, new TimeOnly(15, 0), Brussels), now);
        const string abstractMarkdown = "Peers compare notes.";
        session.Describe(title, abstractMarkdown, new MarkdownRenderer().Render(abstractMarkdown), TlpLabel.Green, "https://meet.example/cec", 50, now);
        db.AddRange(series, session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    /// <summary>A member who signs in with the demo password; returns the email for <see cref="BrowserPortal.RunAsync"/>.</summary>
    private async Task<string> CreateMemberAsync(string email, string countryCode, string? timeZoneId)
    {
        await TestUsers.CreateAsync(portal.Services, new TestUser(email, email.Split('@')[0], Roles.Member)
        {
            CountryCode = countryCode,
            TimeZoneId = timeZoneId,
            Password = PortalFactory.DemoPassword,
        });
        return email;
    }
}
