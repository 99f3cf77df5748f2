using CecPortal.Testing;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>A portal started with <c>Demo:SeedWebinars</c> on, as a newcomer's development portal is.</summary>
public sealed class DemoWebinarsPortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:SeedWebinars"] = "true",
    };
}

public sealed class WebinarDemoDataTests(DemoWebinarsPortalFixture portal) : IClassFixture<DemoWebinarsPortalFixture>
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithSeedWebinarsOn_SeedsTheSeriesSessionsRegistrationsAndProposals()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;

        // Act
        var demo = await LoadAsync();

        // Assert
        var series = demo.Series.ShouldHaveSingleItem();
        series.Title.ShouldBe(WebinarDemoData.SeriesTitle);
        series.Rule.Describe().ShouldBe("Second Tuesday of each month, 15:00 Europe/Brussels, 60 minutes");
        series.DefaultCapacity.ShouldBe(60);
        series.IsActive.ShouldBeTrue();

        var upcoming = demo.Sessions.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).ToList();
        upcoming.Count.ShouldBe(WebinarPlanner.Horizon);
        upcoming.ShouldAllBe(s => s.SeriesId == series.Id);
        upcoming.Select(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.StartsAt, Brussels).DateTime)).Distinct().ShouldBe([new TimeOnly(15, 0)]);

        var next = upcoming[0];
        next.Status.ShouldBe(WebinarStatus.Confirmed);
        next.Tlp.ShouldBe(TlpLabel.Green);
        next.MeetingLink.ShouldBe(WebinarDemoData.MeetingLink);
        next.AbstractHtml.ShouldContain("<strong>shared responsibility</strong>");
        var speaker = demo.Speakers.Where(s => s.SessionId == next.Id).ShouldHaveSingleItem();
        speaker.MemberId.ShouldNotBeNull();
        demo.Registrations.Count(r => r.SessionId == next.Id && r.Status == RegistrationStatus.Confirmed).ShouldBeGreaterThanOrEqualTo(5);

        var full = upcoming[1];
        full.Capacity.ShouldBe(3);
        demo.Registrations.Count(r => r.SessionId == full.Id && r.Status == RegistrationStatus.Confirmed).ShouldBe(3);
        demo.Registrations.Count(r => r.SessionId == full.Id && r.Status == RegistrationStatus.Waitlisted).ShouldBe(2);
        upcoming.Skip(2).ShouldAllBe(s => s.Status == WebinarStatus.Planned && s.Capacity == 60);

        var past = demo.Sessions.Where(s => s.StartsAt < now).ToList();
        var held = past.Where(s => s.Status == WebinarStatus.Held).ToList();
        held.Count.ShouldBe(2);
        held.ShouldAllBe(s => s.RecordingLink != null && s.RecordingLink.StartsWith("https://", StringComparison.Ordinal));
        past.Count(s => s.Status == WebinarStatus.Cancelled).ShouldBe(1);
        past.Count.ShouldBe(3);

        demo.Proposals.Select(p => p.Status).Order().ShouldBe([ProposalStatus.Submitted, ProposalStatus.Accepted, ProposalStatus.Declined]);
        var accepted = demo.Proposals.Single(p => p.Status == ProposalStatus.Accepted);
        accepted.SessionId.ShouldBe(next.Id);
        accepted.MemberId.ShouldBe(speaker.MemberId);
        demo.Proposals.Single(p => p.Status == ProposalStatus.Declined).DecisionNote.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Seed_AgainAndTopUp_AddsNothingAndStaysConsistent()
    {
        // Arrange
        var before = await LoadAsync();

        // Act
        await portal.WithServiceAsync<WebinarDemoData>(demo => demo.SeedAsync(Token));
        await portal.WithServiceAsync<WebinarPlanner>(planner => planner.TopUpAsync(Token));
        var after = await LoadAsync();

        // Assert
        after.Series.Count.ShouldBe(before.Series.Count);
        after.Sessions.Select(s => (s.Id, s.StartsAt, s.Status, s.Capacity)).OrderBy(s => s.Id).ShouldBe(before.Sessions.Select(s => (s.Id, s.StartsAt, s.Status, s.Capacity)).OrderBy(s => s.Id));
        after.Registrations.Count.ShouldBe(before.Registrations.Count);
        after.Speakers.Count.ShouldBe(before.Speakers.Count);
        after.Proposals.Count.ShouldBe(before.Proposals.Count);
    }

    [Fact]
    public async Task Get_OverviewAsEditor_ShowsTheDemoSeriesAndSessions()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin/webinars");

        // Assert
        page.QuerySelector("[data-testid=series] [data-testid=rule]")!.TextContent.ShouldBe("Second Tuesday of each month, 15:00 Europe/Brussels, 60 minutes");
        page.QuerySelectorAll("[data-testid=upcoming-sessions] tbody tr").Length.ShouldBe(WebinarPlanner.Horizon);
        page.QuerySelectorAll("[data-testid=upcoming-sessions] [data-testid=registered]").Select(e => e.TextContent).ShouldContain("3 / 3");
        page.QuerySelectorAll("[data-testid=past-sessions] [data-testid=status]").Select(e => e.TextContent.Trim()).Order().ShouldBe(["Cancelled", "Held", "Held"]);
    }

    private async Task<DemoState> LoadAsync() => await portal.WithDbAsync(async db => new DemoState(
        await db.WebinarSeries.AsNoTracking().ToListAsync(Token),
        await db.WebinarSessions.AsNoTracking().ToListAsync(Token),
        await db.WebinarRegistrations.AsNoTracking().ToListAsync(Token),
        await db.WebinarSpeakers.AsNoTracking().ToListAsync(Token),
        await db.TalkProposals.AsNoTracking().ToListAsync(Token)));

    private sealed record DemoState(
        List<WebinarSeries> Series,
        List<WebinarSession> Sessions,
        List<WebinarRegistration> Registrations,
        List<WebinarSpeaker> Speakers,
        List<TalkProposal> Proposals);
}
