using System.Net;
using System.Security.Claims;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.IntegrationTests.PersonalData;

/// <summary>One person seeded with data in every table that can hold a member's data, and mentioned in other people's records.</summary>
public sealed record SeededPerson(string Id, string Email, string FullName, string Password, string FeedTokenHash);

/// <summary>
/// Seeds one member (who is also a vetter and an editor, so staff records are covered) whose every personal value contains
/// <see cref="Marker"/> (or is <see cref="IpAddress"/>), so the erasure test can search every column for what must be gone.
/// </summary>
internal static class PersonalDataSeed
{
    /// <summary>In every personal value seeded for the person; never in anything else the tests create.</summary>
    public const string Marker = "zq7";

    public const string IpAddress = "203.0.113.77";

    private static int _seeded;

    public static async Task<SeededPerson> SeedAsync(PortalFixture portal, string tag, bool suspended = false)
    {
        var email = $"adalind.{Marker}.{tag}@quill-{Marker}.example";
        var fullName = $"Adalind {Marker}-Erasmus {tag}";
        var organisation = $"Quillworks {Marker} BV";
        var userId = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, fullName, Roles.Member)
        {
            JobTitle = $"Chief Information Security Officer {Marker}",
            Organisation = organisation,
            CountryCode = "BE",
            SectorCode = "energy",
            TimeZoneId = "Europe/Brussels",
            Password = PortalFactory.DemoPassword,
        });

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var now = DateTimeOffset.UtcNow;
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("Seeded user vanished.");
        await users.AddToRolesAsync(user, [Roles.Vetter, Roles.Editor]);
        await users.AddClaimAsync(user, new Claim("seed:claim", $"claim-{Marker}"));
        await users.AddLoginAsync(user, new UserLoginInfo("SeedProvider", $"subject-{Marker}-{tag}", $"Seed login {Marker}"));
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", $"KEY{Marker}{tag}");
        user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("Seeded user vanished.");
        user.PhoneNumber = $"+32 470 {Marker} 31";
        var feedTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        user.FeedTokenHash = feedTokenHash;
        user.FeedTokenCreatedAt = now;
        user.CalendarTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        if (suspended)
        {
            user.Suspend($"Suspension reason {Marker}", now);
        }

        await users.UpdateAsync(user);

        // Their own application, approved with a question answered on the way, linked to the account.
        var application = MembershipApplication.Submit(
            new ApplicationDetails(
                fullName, email, $"Chief Information Security Officer {Marker}", organisation, $"https://www.quill-{Marker}.example",
                "BE", "energy", $"Sector detail {Marker}", OrganisationSize.From250To999, $"https://linkedin.example/in/{Marker}",
                $"Motivation {Marker}: I lead security for a grid operator and want to exchange with peers.", null),
            now.AddDays(-30),
            out var token);
        application.Verify(token, [new PreCheckFlag(FlagKind.EmailDomainMismatch, $"The email domain (quill-{Marker}.example) differs.")], now.AddDays(-29));
        var country = new Reviewer("reviewer-country", "Country Vetter", CoversCountry: true, CoversSector: false);
        application.RequestInformation(country, "Which grid do you run?", now.AddDays(-28));
        application.ProvideInformation($"Answer {Marker}: the Flemish grid.", now.AddDays(-27));
        application.Review(country, ReviewVerdict.Approve, $"Internal note about {fullName}: known to me.", null, now.AddDays(-26));
        application.Review(new Reviewer("reviewer-sector", "Sector Vetter", false, true), ReviewVerdict.Approve, "Sector fits.", null, now.AddDays(-25));
        application.LinkMember(userId);
        db.MembershipApplications.Add(application);

        // Someone else's application: names them as sponsor, was endorsed by them, reviewed by them, and flags them by name.
        var other = MembershipApplication.Submit(
            new ApplicationDetails(
                $"Other Applicant {tag}", $"other.{tag}@othercorp.example", "CISO", "Other Corp", "https://othercorp.example", "BE", "energy", null,
                OrganisationSize.Under250, null, "I would like to join the community to exchange with peers on NIS2.", email),
            now.AddDays(-10),
            out var otherToken);
        other.Verify(otherToken, [new PreCheckFlag(FlagKind.PossibleDuplicate, $"An existing member ({fullName}) uses the same organisation domain.")], now.AddDays(-9));
        var sponsorToken = other.InviteSponsor(now.AddDays(-9));
        other.RecordSponsorResponse(sponsorToken, endorse: true, fullName, now.AddDays(-8));
        other.Review(new Reviewer(userId, fullName, true, true), ReviewVerdict.Approve, $"Vouched for by {fullName}.", null, now.AddDays(-7));
        db.MembershipApplications.Add(other);

        db.VetterCountries.Add(new VetterCountry { UserId = userId, CountryCode = "BE" });
        db.VetterSectors.Add(new VetterSector { UserId = userId, SectorCode = "energy" });

        // A briefing they wrote, and one delivered to them that failed with the server quoting their address.
        var briefing = Briefing.Create(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1000 - Interlocked.Increment(ref _seeded)), new BriefingContent("Seeded briefing", "Body", "<p>Body</p>", TlpLabel.Green, []), userId, now);
        db.Briefings.Add(briefing);

        // An upcoming session they speak at and registered for, a proposal of theirs, and one they decided.
        var session = WebinarSession.PlanOneOff("Seeded session", now.AddDays(20), TimeSpan.FromHours(1), "Europe/Brussels", 10, now);
        db.WebinarSessions.Add(session);
        await db.SaveChangesAsync();
        db.WebinarRegistrations.Add(WebinarRegistration.Create(session.Id, userId, RegistrationStatus.Confirmed, now));
        db.WebinarSpeakers.Add(WebinarSpeaker.Member(session.Id, userId));
        var proposal = TalkProposal.Submit(userId, $"Talk {Marker}", $"Abstract {Marker}", [new DateOnly(2027, 3, 1)], now);
        proposal.Decline("someone-else", $"Decision note for {fullName}", now);
        db.TalkProposals.Add(proposal);
        var colleagueId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        var decided = TalkProposal.Submit(colleagueId, "Colleague's talk", "Colleague's abstract", [], now);
        decided.Decline(userId, "Not this year.", now);
        db.TalkProposals.Add(decided);

        // Mail: one sent with a calendar invitation, one that failed quoting their address, one still queued.
        var invite = OutboundEmail.From(new EmailMessage(email, $"Your place, {fullName}", $"<p>{fullName}</p>", fullName, new EmailCalendar("REQUEST", $"BEGIN:VCALENDAR\nATTENDEE:{email}\nEND:VCALENDAR")), now);
        invite.MarkFailed($"550 mailbox <{email}> unavailable");
        db.OutboundEmails.Add(invite);

        // Audit: their sign-ins from their address and browser, an Admin's action on them, a staff note naming them.
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = userId, ActorName = email, Action = SecurityEvents.SignInSucceeded, Subject = SecurityEvents.UserSubject(userId), IpAddress = IPAddress.Parse(IpAddress), UserAgent = $"SeedBrowser/{Marker}" });
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = "admin-id", ActorName = "admin@demo.cec.example", Action = "member.suspend", Subject = SecurityEvents.UserSubject(userId), Note = $"Asked by {email}", IpAddress = IPAddress.Parse("198.51.100.1") });
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = "admin-id", ActorName = "admin@demo.cec.example", Action = "webinar.speaker.add", Subject = "webinar-session:x", Note = $"Member {userId}" });
        await db.SaveChangesAsync();

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "LastError", "CreatedAt")
            VALUES ({briefing.Id}, {userId}, 2, 1, {$"550 5.1.1 <{email}>: no such user"}, {now})
            """);
        return new SeededPerson(userId, email, fullName, PortalFactory.DemoPassword, feedTokenHash);
    }
}
