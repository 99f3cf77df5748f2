using System.Globalization;
using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Admin.Webinars;

/// <summary>An editor moves a webinar session and sees its new time, on the session page and in the overview.</summary>
public sealed partial class WebinarPlanningTests(BrowserPortal portal)
{
    [Fact]
    public Task Move_AsEditor_ShowsTheNewTimeOnTheSessionAndInTheOverview() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var title = $"Browser webinar {Guid.NewGuid():N}"[..28];
            var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var startsAt = WallClock.ToUtc(today.AddDays(21), new TimeOnly(15, 0), brussels);
            await portal.WithDbAsync(db =>
            {
                db.WebinarSessions.Add(WebinarSession.PlanOneOff(title, startsAt, TimeSpan.FromMinutes(60), "Europe/Brussels", 40, DateTimeOffset.UtcNow));
                return db.SaveChangesAsync();
            });
            var newDate = today.AddDays(23);
            var planning = new WebinarPlanningPage(page);
            await planning.GotoOverviewAsync();
            await Expect(planning.UpcomingRow(title).GetByTestId("when")).ToContainTextAsync("15:00");
            await planning.OpenSessionAsync(title);
            await Expect(page).ToHaveURLAsync(SessionUrl());

            // Act
            await planning.MoveDate.FillAsync(newDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await planning.MoveTime.FillAsync("16:30");
            await planning.MoveButton.ClickAsync();

            // Assert
            var expected = newDate.ToDateTime(new TimeOnly(16, 30)).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
            await Expect(planning.StatusMessage).ToContainTextAsync($"The session is moved to {expected} (Europe/Brussels).");
            await Expect(planning.SessionWhen).ToHaveTextAsync(expected);
            await Expect(planning.MoveTime).ToHaveValueAsync("16:30");
            await planning.GotoOverviewAsync();
            await Expect(planning.UpcomingRow(title).GetByTestId("when")).ToContainTextAsync(expected);
        },
        signedInAs: PortalFactory.EditorEmail);

    [GeneratedRegex("/admin/webinars/sessions/[0-9a-f-]{36}$")]
    private static partial Regex SessionUrl();
}
