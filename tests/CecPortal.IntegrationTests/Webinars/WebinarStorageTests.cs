using CecPortal.Testing;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>The webinar tables as PostgreSQL stores them: planned sessions, registrations, speakers and proposals.</summary>
public sealed class WebinarStorageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly SeriesRule SecondTuesday = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(60));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_TwelveSessionsFromTheRule_KeepsTheirUtcInstantsAndRefusesAMonthTwice()
    {
        // Arrange
        var series = WebinarSeries.Create("Peer webinar", SecondTuesday, 100, Now);
        var sessions = SecondTuesday.NextOccurrences(Now, 12).Select(start => WebinarSession.Plan(series, start, Now)).ToList();
        await SaveAsync(series);
        await SaveAsync([.. sessions]);

        // Act
        var stored = await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().Where(s => s.SeriesId == series.Id).OrderBy(s => s.StartsAt).ToListAsync(Token));
        var again = SaveAsync(WebinarSession.Plan(series, sessions[0].StartsAt, Now));

        // Assert
        stored.Count.ShouldBe(12);
        stored.Select(s => s.StartsAt).ShouldBe(sessions.Select(s => s.StartsAt));
        stored[0].StartsAt.ShouldBe(new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero), "15:00 Brussels in winter");
        stored.Single(s => s.SeriesDate == new DateOnly(2027, 4, 13)).StartsAt.ShouldBe(new DateTimeOffset(2027, 4, 13, 13, 0, 0, TimeSpan.Zero), "15:00 Brussels in summer");
        (await again.ShouldThrowAsync<DbUpdateException>()).InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task Save_SecondRegistrationOfTheSameMember_IsRefusedByTheDatabase()
    {
        // Arrange
        var series = WebinarSeries.Create("Registrations", SecondTuesday, 10, Now);
        var session = WebinarSession.Plan(series, SecondTuesday.NextOccurrences(Now, 1)[0], Now);
        await SaveAsync(series);
        await SaveAsync(session);
        var memberId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        await SaveAsync(WebinarRegistration.Create(session.Id, memberId, RegistrationStatus.Confirmed, Now));

        // Act
        var second = SaveAsync(WebinarRegistration.Create(session.Id, memberId, RegistrationStatus.Waitlisted, Now));

        // Assert
        (await second.ShouldThrowAsync<DbUpdateException>()).InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task Save_Speakers_MemberOrGuestButNeverBothOrNeither()
    {
        // Arrange
        var series = WebinarSeries.Create("Speakers", SecondTuesday, 10, Now);
        var session = WebinarSession.Plan(series, SecondTuesday.NextOccurrences(Now.AddYears(1), 1)[0], Now);
        await SaveAsync(series);
        await SaveAsync(session);
        var memberId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        await SaveAsync(WebinarSpeaker.Member(session.Id, memberId), WebinarSpeaker.Guest(session.Id, "Dr. Ana Guest", "ENISA"));

        // Act
        var neither = portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""INSERT INTO webinar_speakers ("SessionId") VALUES ({session.Id})""", Token));

        // Assert
        (await neither.ShouldThrowAsync<PostgresException>()).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        (await portal.WithDbAsync(db => db.WebinarSpeakers.CountAsync(s => s.SessionId == session.Id, Token))).ShouldBe(2);
    }

    [Fact]
    public async Task Save_Proposal_RoundTripsItsPreferredMonths()
    {
        // Arrange
        var memberId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        var proposal = TalkProposal.Submit(memberId, "OT patching in hospitals", "What we learnt.", [new DateOnly(2027, 3, 17), new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 2)], Now);

        // Act
        await SaveAsync(proposal);
        var stored = await portal.WithDbAsync(db => db.TalkProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, Token));

        // Assert
        stored.PreferredMonths.ShouldBe([new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1)]);
        stored.Status.ShouldBe(ProposalStatus.Submitted);
    }

    private Task<int> SaveAsync(params object[] entities) => portal.WithDbAsync(async db =>
    {
        db.AddRange(entities);
        return await db.SaveChangesAsync(Token);
    });
}
