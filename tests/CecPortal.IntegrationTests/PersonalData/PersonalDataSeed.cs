using System.Net;
using System.Security.Claims;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Deliverability;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.IntegrationTests.PersonalData;

/// <summary>One person seeded with data in every table that can hold a member's data, and mentioned in other people's records.</summary>
public sealed record SeededPerson(string Id, string Email, string FullName, string Password, string FeedTokenHash, string Needle, string IpAddress);

/// <summary>
/// Seeds one member (who is also a vetter and an editor, so staff records are covered) whose every personal value contains
/// <see cref="SeededPerson.Needle"/> (or is their <see cref="SeededPerson.IpAddress"/>), so the erasure test can search
/// every column for what must be gone.
/// </summary>
internal static class PersonalDataSeed
{
    /// <summary>In every personal value seeded for the person; never in anything else the tests create.</summary>
    public const string Marker = "zq7";


    private static int _seeded;

    public static async Task<SeededPerson> SeedAsync(PortalFixture portal, string tag, bool suspended = false)
    {
        // The person's own needle: the marker and the tag, so people seeded for other tests in the class never match.
        var m = Marker + tag;
        var seed = Interlocked.Increment(ref _seeded);
        var ip = $"203.0.113.{seed}";
        var email = $"adalind.{m}.{tag}@quill-{m}.example";
        var fullName = $"Adalind {m}-Erasmus {tag}";
        var organisation = $"Quillworks {m} BV";
        var userId = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, fullName, Roles.Member)
        {
            JobTitle = $"Chief Information Security Officer {m}",
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
        await users.AddClaimAsync(user, new Claim("seed:claim", $"claim-{m}"));
        await users.AddLoginAsync(user, new UserLoginInfo("SeedProvider", $"subject-{m}-{tag}", $"Seed login {m}"));
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", $"KEY{m}{tag}");
        await users.AddOrUpdatePasskeyAsync(user, new UserPasskeyInfo(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), System.Security.Cryptography.RandomNumberGenerator.GetBytes(77), now.AddDays(-3), 4, ["internal"],
            isUserVerified: true, isBackupEligible: true, isBackedUp: false, attestationObject: [1, 2, 3], clientDataJson: [4, 5, 6])
        {
            Name = $"Laptop {m}",
        });
        user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("Seeded user vanished.");
        user.PhoneNumber = $"+32 470 {m} 31";
        var feedTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        user.ReplaceFeedToken(feedTokenHash, now);
        user.ReplaceCalendarToken(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        user.RequestEmailChange($"new.{m}.{tag}@quill-{m}.example", now);
        user.OptOutOfWebinarAnnouncements(now);
        user.ChangeProfile(user.Details with { HiddenFromDirectory = true });
        if (suspended)
        {
            user.Suspend($"Suspension reason {m}", now);
        }

        await users.UpdateAsync(user);

        // Their own application, approved with a question answered on the way, linked to the account.
        var application = MembershipApplication.Submit(
            new ApplicationDetails(
                fullName, email, $"Chief Information Security Officer {m}", organisation, $"https://www.quill-{m}.example",
                "BE", "energy", $"Sector detail {m}", OrganisationSize.From250To999, $"https://linkedin.example/in/{m}",
                $"Motivation {m}: I lead security for a grid operator and want to exchange with peers.", null),
            1,
            now.AddDays(-30),
            out var token);
        application.Verify(token, [new PreCheckFlag(FlagKind.EmailDomainMismatch, $"The email domain (quill-{m}.example) differs.")], now.AddDays(-29));
        var country = new Reviewer("reviewer-country", "Country Vetter", CoversCountry: true, CoversSector: false);
        application.RequestInformation(country, "Which grid do you run?", now.AddDays(-28));
        application.ProvideInformation($"Answer {m}: the Flemish grid.", now.AddDays(-27));
        application.Review(country, ReviewVerdict.Approve, $"Internal note about {fullName}: known to me.", null, now.AddDays(-26));
        application.Review(new Reviewer("reviewer-sector", "Sector Vetter", false, true), ReviewVerdict.Approve, "Sector fits.", null, now.AddDays(-25));
        application.LinkMember(userId);
        db.MembershipApplications.Add(application);

        // Someone else's application: names them as sponsor, was endorsed by them, reviewed by them, and flags them by name.
        var other = MembershipApplication.Submit(
            new ApplicationDetails(
                $"Other Applicant {tag}", $"other.{tag}@othercorp.example", "CISO", "Other Corp", "https://othercorp.example", "BE", "energy", null,
                OrganisationSize.Under250, null, "I would like to join the community to exchange with peers on NIS2.", email),
            1,
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
        var briefing = Briefing.Create(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1000 - seed), new BriefingContent("Seeded briefing", "Body", "<p>Body</p>", TlpLabel.Green, []), userId, now);
        db.Briefings.Add(briefing);

        // An upcoming session they speak at and registered for, a proposal of theirs, and one they decided.
        var session = WebinarSession.PlanOneOff("Seeded session", now.AddDays(20), TimeSpan.FromHours(1), "Europe/Brussels", 10, now);
        db.WebinarSessions.Add(session);
        await db.SaveChangesAsync();
        db.WebinarRegistrations.Add(WebinarRegistration.Create(session.Id, userId, RegistrationStatus.Confirmed, now));
        db.WebinarSpeakers.Add(WebinarSpeaker.Member(session.Id, userId));
        var proposal = TalkProposal.Submit(userId, $"Talk {m}", $"Abstract {m}", [new DateOnly(2027, 3, 1)], now);
        proposal.Decline("someone-else", $"Decision note for {fullName}", now);
        db.TalkProposals.Add(proposal);
        var colleagueId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        var decided = TalkProposal.Submit(colleagueId, "Colleague's talk", "Colleague's abstract", [], now);
        decided.Decline(userId, "Not this year.", now);
        db.TalkProposals.Add(decided);

        // Mail: one sent with a calendar invitation, one that failed quoting their address, one still queued.
        var outboxProtection = portal.Factory.Services.GetRequiredService<OutboxProtection>();
        var invite = OutboundEmail.From(new EmailMessage(email, $"Your place, {fullName}", $"<p>{fullName}</p>", fullName, new EmailCalendar("REQUEST", $"BEGIN:VCALENDAR\nATTENDEE:{email}\nEND:VCALENDAR")), now, outboxProtection);
        invite.MarkFailed($"550 mailbox <{email}> unavailable");
        db.OutboundEmails.Add(invite);

        // Audit: their sign-ins from their address and browser, an Admin's action on them, a staff note naming them.
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = userId, ActorName = email, Action = SecurityEvents.SignInSucceeded, Subject = SecurityEvents.UserSubject(userId), IpAddress = IPAddress.Parse(ip), UserAgent = $"SeedBrowser/{m}" });
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = "admin-id", ActorName = "admin@demo.cec.example", Action = "member.suspend", Subject = SecurityEvents.UserSubject(userId), Note = $"Asked by {email}", IpAddress = IPAddress.Parse("198.51.100.1") });
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = "admin-id", ActorName = "admin@demo.cec.example", Action = "webinar.speaker.add", Subject = "webinar-session:x", Note = $"Member {userId}" });
        await db.SaveChangesAsync();

        // An announcement of the session, whose email carries a one-click unsubscribe address of theirs.
        var announcement = OutboundEmail.From(new EmailMessage(email, "A new webinar", "<p>New session</p>", "New session", ListUnsubscribeUrl: $"https://portal.example/unsubscribe/{m}-{tag}"), now, outboxProtection);
        db.OutboundEmails.Add(announcement);
        db.WebinarAnnouncements.Add(WebinarAnnouncement.Create(session.Id, userId, announcement.Id, now));

        // A breach notice they wrote as staff (and received), and one from someone else that the job has not reached yet.
        var criteria = new BreachCriteria(BreachDataCategory.Profile, null, null);
        var written = BreachNotice.Create(criteria, "Seeded breach notice", "What happened.", 1, userId, email, now);
        var received = BreachNotice.Create(criteria, "Another breach notice", "What happened next.", 1, "admin-id", "admin@demo.cec.example", now);
        db.BreachNotices.AddRange(written, received);
        await db.SaveChangesAsync();
        db.BreachNoticeRecipients.Add(new BreachNoticeRecipient { NoticeId = written.Id, UserId = userId, QueuedAt = now });
        db.BreachNoticeRecipients.Add(new BreachNoticeRecipient { NoticeId = received.Id, UserId = userId });
        await db.SaveChangesAsync();

        // A privacy notice version they published as an Admin; everyone accepts it, so the consent gate stays quiet.
        var version = await services.GetRequiredService<PrivacyConsent>().PublishAsync($"Notice {tag}", $"Changes {tag}", new Actor(userId, email));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO privacy_acceptances ("UserId", "Version", "AcceptedAt") SELECT "Id", {version}, {now} FROM "AspNetUsers"
            """);

        // The authenticator's last accepted time step is written only by its own UPDATE.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastTotpTimeStep, 12345L));

        // The sharing space: a working group they made as staff and moderate, adding a colleague; a topic they started
        // with a message they edited (its earlier version kept), read up to; a colleague's reply naming and mentioning
        // them, which they saw too, reported and, as moderator, hid; the colleague's report of their message, which they
        // dismissed.
        var staff = new Actor(userId, email);
        var group = Channel.Create(ChannelKind.WorkingGroup, $"seed-group-{seed}", "Seeded group", null, TlpLabel.Amber, staff, now);
        db.Channels.Add(group);
        db.ChannelSubscriptions.Add(ChannelSubscription.Add(group.Id, userId, SubscriptionRole.GroupModerator, staff, now));
        db.ChannelSubscriptions.Add(ChannelSubscription.Add(group.Id, colleagueId, SubscriptionRole.Member, staff, now));
        var topic = Topic.Start(group.Id, "Seeded topic", userId, now);
        db.Topics.Add(topic);
        var own = Message.Post(topic, userId, new MessageBody($"First words {m}", $"<p>First words {m}</p>"), TlpLabel.Amber, now);
        var reply = Message.Post(topic, colleagueId, new MessageBody($"Thanks @**{fullName}**", $"<p>Thanks <strong class=\"mention\">@{fullName}</strong></p>"), TlpLabel.Amber, now);
        db.Messages.AddRange(own, reply);
        await db.SaveChangesAsync();
        var reported = MessageReport.File(own, colleagueId, ReportReason.Misleading, null, now);
        reported.Resolve(staff, ReportResolution.Dismissed, now);
        db.MessageReports.AddRange(reported, MessageReport.File(reply, userId, ReportReason.Other, $"Report note {m}", now));
        db.MessageRevisions.Add(own.Edit(userId, new MessageBody($"Edited words {m}", $"<p>Edited words {m}</p>"), TlpLabel.AmberStrict, TimeSpan.FromMinutes(15), now));
        reply.Hide(staff, "Off topic for this group.", now);
        db.MessageMentions.Add(new MessageMention { MessageId = reply.Id, UserId = userId });
        db.MessageSightings.Add(new MessageSighting { MessageId = reply.Id, UserId = userId, CreatedAt = now });
        db.TopicReads.Add(TopicRead.Of(topic.Id, userId, reply.Seq));
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sharing_activity ("UserId", "LastActiveAt", "NotifiedUpToSeq", "LastEmailedAt") VALUES ({userId}, {now}, {reply.Seq}, {now})
            """);

        // An urgent alert they raised as staff on their own message, whose email to them bounced.
        var alert = UrgentAlert.Raise(own, "Seeded urgent alert", userId, now, TimeSpan.FromHours(72));
        db.UrgentAlerts.Add(alert);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO briefing_deliveries ("UrgentAlertId", "MemberId", "Status", "Attempts", "LastError", "CreatedAt")
            VALUES ({alert.Id}, {userId}, 2, 1, {$"550 5.1.1 <{email}>: no such user"}, {now})
            """);

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "LastError", "CreatedAt")
            VALUES ({briefing.Id}, {userId}, 2, 1, {$"550 5.1.1 <{email}>: no such user"}, {now})
            """);
        db.MailBounces.Add(MailBounce.Record(
            $"mid:<bounce-{m}@mx.example>", BounceKind.Hard, BounceSource.DeliveryReport, now, new BounceTarget(userId, null, briefing.Id, null, now),
            "5.1.1", $"smtp; 550 5.1.1 <{email}>: Recipient address rejected"));
        var bounced = await db.Users.SingleAsync(u => u.Id == userId);
        bounced.MarkUndeliverable($"5.1.1 hard bounce: 550 5.1.1 <{email}>: Recipient address rejected", now);
        await db.SaveChangesAsync();
        // A consultation they created as staff, answered (submitted, named) and drafted in another. The answers' text
        // carries no needle: erasure keeps submitted answers, anonymous, in the results.
        var consultation = Consultation.Create(
            new ConsultationDetails("Seeded consultation", "ENISA", "NIS2", "Context", now.AddDays(10), ConsultationMode.Attributed, [], []), staff, now);
        var question = consultation.AddQuestion(QuestionKind.FreeText, "Seeded question?", [], required: false);
        consultation.Open(now);
        var second = Consultation.Create(
            new ConsultationDetails("Seeded second consultation", "ENISA", "CRA", "Context", now.AddDays(10), ConsultationMode.Anonymous, [], []), staff, now);
        var secondQuestion = second.AddQuestion(QuestionKind.SingleChoice, "Seeded choice?", ["Yes", "No"], required: false);
        second.Open(now);
        db.Consultations.AddRange(consultation, second);
        var submitted = ConsultationResponse.Start(consultation.Id, userId, now);
        submitted.Submit([ConsultationAnswer.To(question, [], "A seeded answer without names")!], named: true, "BE", "energy", now);
        var drafted = ConsultationResponse.Start(second.Id, userId, now);
        drafted.SaveDraft([ConsultationAnswer.To(secondQuestion, [1], null)!], named: false, now);
        db.ConsultationResponses.AddRange(submitted, drafted);
        await db.SaveChangesAsync();

        // A change of organisation of theirs that a vetter refused, and a change on someone else's profile they confirmed as a vetter.
        var before = new ProfileDetails(fullName, "CISO", organisation, "BE", "energy", true);
        var ownChange = ProfileReview.Request(
            userId, before, before with { Organisation = $"Neworks {m} NV" }, $"https://www.neworks-{m}.example",
            [new ProfileReviewFlag { Kind = FlagKind.EmailDomainMismatch, Explanation = $"The email domain (quill-{m}.example) differs." }], now.AddDays(-3));
        ownChange.Refuse("reviewer-country", "Country Vetter", $"Reason {m}: not found at Neworks.", $"Note {m}", now.AddDays(-2));
        var otherMember = await db.Users.Where(u => u.Email == PortalFactory.MemberEmail).Select(u => u.Id).SingleAsync();
        var otherBefore = new ProfileDetails("Marie Dubois", "CISO", "Énergie Atlantique", "FR", "energy", false);
        var decidedChange = ProfileReview.Request(otherMember, otherBefore, otherBefore with { SectorCode = "transport" }, null, [], now.AddDays(-3));
        decidedChange.Confirm(userId, fullName, null, now.AddDays(-1));
        db.ProfileReviews.AddRange(ownChange, decidedChange);
        await db.SaveChangesAsync();

        return new SeededPerson(userId, email, fullName, PortalFactory.DemoPassword, feedTokenHash, m, ip);
    }
}
