using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.PersonalData;

/// <summary>Erasure (GDPR Art. 17): by the person or an Admin, complete across the model, ending sign-in, and the blocklist.</summary>
public sealed class AccountErasureTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The outbox columns stored encrypted until the message is sent; the scans read them decrypted.</summary>
    private static readonly HashSet<string> OutboxProtectedColumns =
        ["outbound_emails.HtmlBody", "outbound_emails.TextBody", "outbound_emails.CalendarContent", "outbound_emails.ListUnsubscribeUrl"];

    /// <summary>
    /// Every text-like column (text, varchar, char, inet, arrays, tsvector) of every table, by "table.column". A new column
    /// fails <see cref="Model_EveryTextColumn_IsClassifiedForErasure"/> until it is added here.
    /// <list type="bullet">
    /// <item><c>Personal</c>: holds a person's own data; the seeded person has a value containing their needle there, and
    /// after erasure no row anywhere holds it.</item>
    /// <item><c>Attribute</c>: a low-entropy value (a code, a version) that cannot be searched for; it lives in a row that also
    /// has Personal columns, so a row that survives erasure is caught by those.</item>
    /// <item><c>UserId</c>: a reference to the account. Rows are deleted, except in <see cref="TombstoneReferences"/>, which
    /// keep pointing at the anonymised account row.</item>
    /// <item><c>Secret</c>: a credential or token hash; erasure nulls it on the account (asserted on the tombstone).</item>
    /// <item><c>NotPersonal</c>: with the reason.</item>
    /// </list>
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, ColumnClass> Columns = new Dictionary<string, ColumnClass>
    {
        ["AspNetUsers.Id"] = ColumnClass.UserId,
        ["AspNetUsers.UserName"] = ColumnClass.Personal,
        ["AspNetUsers.NormalizedUserName"] = ColumnClass.Personal,
        ["AspNetUsers.Email"] = ColumnClass.Personal,
        ["AspNetUsers.NormalizedEmail"] = ColumnClass.Personal,
        ["AspNetUsers.FullName"] = ColumnClass.Personal,
        ["AspNetUsers.JobTitle"] = ColumnClass.Personal,
        ["AspNetUsers.Organisation"] = ColumnClass.Personal,
        ["AspNetUsers.PhoneNumber"] = ColumnClass.Personal,
        ["AspNetUsers.SuspensionReason"] = ColumnClass.Personal,
        ["AspNetUsers.CountryCode"] = ColumnClass.Attribute,
        ["AspNetUsers.SectorCode"] = ColumnClass.Attribute,
        ["AspNetUsers.TimeZoneId"] = ColumnClass.Attribute,
        ["AspNetUsers.PendingEmail"] = ColumnClass.Personal,
        ["AspNetUsers.UndeliverableReason"] = ColumnClass.Personal,
        ["AspNetUsers.PasswordHash"] = ColumnClass.Secret,
        ["AspNetUsers.SecurityStamp"] = ColumnClass.Secret,
        ["AspNetUsers.FeedTokenHash"] = ColumnClass.Secret,
        ["AspNetUsers.CalendarTokenHash"] = ColumnClass.Secret,
        ["AspNetUsers.ConcurrencyStamp"] = ColumnClass.NotPersonal("a random version stamp"),
        ["AspNetUserRoles.UserId"] = ColumnClass.UserId,
        ["AspNetUserRoles.RoleId"] = ColumnClass.NotPersonal("one of the fixed role ids"),
        ["AspNetUserClaims.UserId"] = ColumnClass.UserId,
        ["AspNetUserClaims.ClaimType"] = ColumnClass.Attribute,
        ["AspNetUserClaims.ClaimValue"] = ColumnClass.Personal,
        ["AspNetUserLogins.UserId"] = ColumnClass.UserId,
        ["AspNetUserLogins.LoginProvider"] = ColumnClass.Attribute,
        ["AspNetUserLogins.ProviderKey"] = ColumnClass.Personal,
        ["AspNetUserLogins.ProviderDisplayName"] = ColumnClass.Personal,
        ["AspNetUserTokens.UserId"] = ColumnClass.UserId,
        ["AspNetUserTokens.LoginProvider"] = ColumnClass.Attribute,
        ["AspNetUserTokens.Name"] = ColumnClass.Attribute,
        ["AspNetUserTokens.Value"] = ColumnClass.Personal,
        ["AspNetUserPasskeys.UserId"] = ColumnClass.UserId,
        ["AspNetUserPasskeys.Data"] = ColumnClass.Personal,
        ["AspNetRoles.Id"] = ColumnClass.NotPersonal("role reference data"),
        ["AspNetRoles.Name"] = ColumnClass.NotPersonal("role reference data"),
        ["vetting_queue_counts.CountryCode"] = ColumnClass.NotPersonal("a count of applications per country, sector and status, no row per person"),
        ["vetting_queue_counts.SectorCode"] = ColumnClass.NotPersonal("a count of applications per country, sector and status, no row per person"),
        ["AspNetRoles.NormalizedName"] = ColumnClass.NotPersonal("role reference data"),
        ["AspNetRoles.ConcurrencyStamp"] = ColumnClass.NotPersonal("role reference data"),
        ["AspNetRoleClaims.RoleId"] = ColumnClass.NotPersonal("role reference data"),
        ["AspNetRoleClaims.ClaimType"] = ColumnClass.NotPersonal("role reference data"),
        ["AspNetRoleClaims.ClaimValue"] = ColumnClass.NotPersonal("role reference data"),
        ["DataProtectionKeys.FriendlyName"] = ColumnClass.NotPersonal("the portal's key ring"),
        ["DataProtectionKeys.Xml"] = ColumnClass.NotPersonal("the portal's key ring"),
        ["privacy_acceptances.UserId"] = ColumnClass.UserId,
        ["privacy_notices.PublishedBy"] = ColumnClass.Personal,
        ["privacy_notices.Markdown"] = ColumnClass.NotPersonal("the notice's text, the same for everyone"),
        ["privacy_notices.ChangeSummary"] = ColumnClass.NotPersonal("what changed in the notice, the same for everyone"),
        ["breach_notices.CreatedById"] = ColumnClass.UserId,
        ["breach_notices.CreatedByName"] = ColumnClass.Personal,
        ["breach_notices.Subject"] = ColumnClass.NotPersonal("the breach notice's subject, the same for every recipient"),
        ["breach_notices.BodyMarkdown"] = ColumnClass.NotPersonal("the breach notice's text, the same for every recipient"),
        ["breach_notice_recipients.UserId"] = ColumnClass.UserId,
        ["webinar_announcements.MemberId"] = ColumnClass.UserId,
        ["membership_applications.FullName"] = ColumnClass.Personal,
        ["membership_applications.WorkEmail"] = ColumnClass.Personal,
        ["membership_applications.NormalizedEmail"] = ColumnClass.Personal,
        ["membership_applications.JobTitle"] = ColumnClass.Personal,
        ["membership_applications.Organisation"] = ColumnClass.Personal,
        ["membership_applications.OrganisationWebsite"] = ColumnClass.Personal,
        ["membership_applications.SectorDescription"] = ColumnClass.Personal,
        ["membership_applications.LinkedInUrl"] = ColumnClass.Personal,
        ["membership_applications.Motivation"] = ColumnClass.Personal,
        ["membership_applications.SponsorEmail"] = ColumnClass.Personal,
        ["membership_applications.EmailDomain"] = ColumnClass.Attribute,
        ["membership_applications.WebsiteDomain"] = ColumnClass.Attribute,
        ["membership_applications.CountryCode"] = ColumnClass.Attribute,
        ["membership_applications.SectorCode"] = ColumnClass.Attribute,
        ["membership_applications.ConsentedNoticeVersion"] = ColumnClass.Attribute,
        ["membership_applications.MemberUserId"] = ColumnClass.UserId,
        ["membership_applications.VerificationTokenHash"] = ColumnClass.Secret,
        ["membership_applications.SponsorTokenHash"] = ColumnClass.Secret,
        ["application_events.Actor"] = ColumnClass.Personal,
        ["application_events.Note"] = ColumnClass.Personal,
        ["application_flags.Explanation"] = ColumnClass.Personal,
        ["application_reviews.ReviewerId"] = ColumnClass.UserId,
        ["application_reviews.ReviewerName"] = ColumnClass.Personal,
        ["application_reviews.Note"] = ColumnClass.Personal,
        ["profile_reviews.UserId"] = ColumnClass.UserId,
        ["profile_reviews.OldOrganisation"] = ColumnClass.Personal,
        ["profile_reviews.NewOrganisation"] = ColumnClass.Personal,
        ["profile_reviews.OldCountryCode"] = ColumnClass.Attribute,
        ["profile_reviews.NewCountryCode"] = ColumnClass.Attribute,
        ["profile_reviews.OldSectorCode"] = ColumnClass.Attribute,
        ["profile_reviews.NewSectorCode"] = ColumnClass.Attribute,
        ["profile_reviews.OrganisationWebsite"] = ColumnClass.Personal,
        ["profile_reviews.DecidedById"] = ColumnClass.UserId,
        ["profile_reviews.DecidedByName"] = ColumnClass.Personal,
        ["profile_reviews.Note"] = ColumnClass.Personal,
        ["profile_reviews.RefusalReason"] = ColumnClass.Personal,
        ["profile_review_flags.Explanation"] = ColumnClass.Personal,
        ["vetter_countries.UserId"] = ColumnClass.UserId,
        ["vetter_countries.CountryCode"] = ColumnClass.Attribute,
        ["vetter_sectors.UserId"] = ColumnClass.UserId,
        ["vetter_sectors.SectorCode"] = ColumnClass.Attribute,
        ["countries.Code"] = ColumnClass.NotPersonal("reference data"),
        ["countries.Name"] = ColumnClass.NotPersonal("reference data"),
        ["sectors.Code"] = ColumnClass.NotPersonal("reference data"),
        ["sectors.Name"] = ColumnClass.NotPersonal("reference data"),
        ["free_mail_domains.Domain"] = ColumnClass.NotPersonal("reference data"),
        ["briefings.CreatedById"] = ColumnClass.UserId,
        ["briefings.UpdatedById"] = ColumnClass.UserId,
        ["briefings.Title"] = ColumnClass.NotPersonal("briefing content for all members"),
        ["briefings.BodyMarkdown"] = ColumnClass.NotPersonal("briefing content for all members"),
        ["briefings.BodyHtml"] = ColumnClass.NotPersonal("briefing content for all members"),
        ["briefings.Vulnerabilities"] = ColumnClass.NotPersonal("briefing content for all members"),
        ["briefings.SearchVector"] = ColumnClass.NotPersonal("briefing content for all members"),
        ["briefing_deliveries.MemberId"] = ColumnClass.UserId,
        ["briefing_deliveries.LastError"] = ColumnClass.Personal,
        ["mail_bounces.MemberId"] = ColumnClass.UserId,
        ["mail_bounces.BounceKey"] = ColumnClass.Personal,
        ["mail_bounces.StatusCode"] = ColumnClass.Attribute,
        ["mail_bounces.Diagnostic"] = ColumnClass.Personal,
        ["webinar_series.Title"] = ColumnClass.NotPersonal("session planning by staff"),
        ["webinar_series.TimeZoneId"] = ColumnClass.NotPersonal("session planning by staff"),
        ["webinar_sessions.Title"] = ColumnClass.NotPersonal("session content for all members"),
        ["webinar_sessions.AbstractMarkdown"] = ColumnClass.NotPersonal("session content for all members"),
        ["webinar_sessions.AbstractHtml"] = ColumnClass.NotPersonal("session content for all members"),
        ["webinar_sessions.MeetingLink"] = ColumnClass.NotPersonal("session content for all members"),
        ["webinar_sessions.RecordingLink"] = ColumnClass.NotPersonal("session content for all members"),
        ["webinar_sessions.TimeZoneId"] = ColumnClass.NotPersonal("session content for all members"),
        ["webinar_reminders.JobId"] = ColumnClass.NotPersonal("job bookkeeping"),
        ["webinar_registrations.MemberId"] = ColumnClass.UserId,
        ["webinar_speakers.MemberId"] = ColumnClass.UserId,
        ["webinar_speakers.GuestName"] = ColumnClass.NotPersonal("an external guest named by staff, never a member account"),
        ["webinar_speakers.GuestOrganisation"] = ColumnClass.NotPersonal("an external guest named by staff, never a member account"),
        ["talk_proposals.MemberId"] = ColumnClass.UserId,
        ["talk_proposals.DecidedById"] = ColumnClass.UserId,
        ["talk_proposals.Title"] = ColumnClass.Personal,
        ["talk_proposals.AbstractMarkdown"] = ColumnClass.Personal,
        ["talk_proposals.DecisionNote"] = ColumnClass.Personal,
        ["talk_proposals.PreferredMonths"] = ColumnClass.Attribute,
        ["audit_entries.ActorId"] = ColumnClass.UserId,
        ["audit_entries.Subject"] = ColumnClass.UserId,
        ["audit_entries.ActorName"] = ColumnClass.Personal,
        ["audit_entries.Note"] = ColumnClass.Personal,
        ["audit_entries.IpAddress"] = ColumnClass.Personal,
        ["audit_entries.UserAgent"] = ColumnClass.Personal,
        ["audit_entries.Action"] = ColumnClass.NotPersonal("a fixed action name"),
        ["outbound_emails.To"] = ColumnClass.Personal,
        ["outbound_emails.Subject"] = ColumnClass.Personal,
        ["outbound_emails.HtmlBody"] = ColumnClass.Personal,
        ["outbound_emails.TextBody"] = ColumnClass.Personal,
        ["outbound_emails.CalendarContent"] = ColumnClass.Personal,
        ["outbound_emails.LastError"] = ColumnClass.Personal,
        ["outbound_emails.ListUnsubscribeUrl"] = ColumnClass.Personal,
        ["outbound_emails.CalendarMethod"] = ColumnClass.NotPersonal("an iTIP method name"),
        ["blocked_emails.Hash"] = ColumnClass.NotPersonal("a keyed hash, linked to no account"),
        ["blocked_emails.ErasureReference"] = ColumnClass.NotPersonal("the erasure's random pseudonym"),
        ["channels.Slug"] = ColumnClass.NotPersonal("a channel's address, chosen by staff or made from a reference code"),
        ["channels.Name"] = ColumnClass.NotPersonal("a channel's name, chosen by staff or made from reference data"),
        ["channels.Description"] = ColumnClass.NotPersonal("a channel's description, written by staff for all its members"),
        ["channels.SectorCode"] = ColumnClass.NotPersonal("reference data"),
        ["channels.CountryCode"] = ColumnClass.NotPersonal("reference data"),
        ["channels.CreatedById"] = ColumnClass.UserId,
        ["channel_subscriptions.UserId"] = ColumnClass.UserId,
        ["channel_subscriptions.AddedById"] = ColumnClass.UserId,
        ["topics.Subject"] = ColumnClass.NotPersonal("a thread's subject, which names what other members replied to; it stays, its starter does not"),
        ["topics.StartedById"] = ColumnClass.UserId,
        ["messages.AuthorId"] = ColumnClass.UserId,
        ["messages.BodyMarkdown"] = ColumnClass.Personal,
        ["messages.BodyHtml"] = ColumnClass.Personal,
        ["messages.SearchVector"] = ColumnClass.Personal,
        ["messages.HiddenById"] = ColumnClass.UserId,
        ["messages.HiddenReason"] = ColumnClass.NotPersonal("a moderator's reason about someone's message, kept for the audit; the moderator's id goes"),
        ["urgent_alerts.Title"] = ColumnClass.NotPersonal("an alert's title for all the channel's readers, like a topic subject; a former member's name in it is replaced"),
        ["urgent_alerts.ProposedById"] = ColumnClass.UserId,
        ["urgent_alerts.DecidedById"] = ColumnClass.UserId,
        ["urgent_alerts.EndedById"] = ColumnClass.UserId,
        ["message_revisions.BodyMarkdown"] = ColumnClass.Personal,
        ["message_mentions.UserId"] = ColumnClass.UserId,
        ["message_sightings.UserId"] = ColumnClass.UserId,
        ["topic_reads.UserId"] = ColumnClass.UserId,
        ["sharing_activity.UserId"] = ColumnClass.UserId,
        ["message_reports.ReporterId"] = ColumnClass.UserId,
        ["message_reports.ResolvedById"] = ColumnClass.UserId,
        ["message_reports.Note"] = ColumnClass.Personal,
        ["message_reports.ReportedBody"] = ColumnClass.Personal,
        ["consultations.Title"] = ColumnClass.NotPersonal("a consultation's title, written by staff for its audience"),
        ["consultations.Institution"] = ColumnClass.NotPersonal("the EU institution a consultation answers"),
        ["consultations.Act"] = ColumnClass.NotPersonal("the act or call a consultation concerns"),
        ["consultations.ContextMarkdown"] = ColumnClass.NotPersonal("the context staff wrote for the members"),
        ["consultations.AudienceSectors"] = ColumnClass.NotPersonal("reference codes"),
        ["consultations.AudienceCountries"] = ColumnClass.NotPersonal("reference codes"),
        ["consultations.PositionPaperMarkdown"] = ColumnClass.NotPersonal("the community's position paper, written by staff from aggregates"),
        ["consultations.InstitutionResponseMarkdown"] = ColumnClass.NotPersonal("the institution's published response"),
        ["consultations.CreatedById"] = ColumnClass.UserId,
        ["consultation_questions.Prompt"] = ColumnClass.NotPersonal("a question written by staff"),
        ["consultation_questions.Options"] = ColumnClass.NotPersonal("a question's options, written by staff"),
        ["consultation_responses.MemberId"] = ColumnClass.UserId,
        ["consultation_responses.CountryCode"] = ColumnClass.NotPersonal("the respondent's country at submission, kept without any link to them after erasure so the results hold (shown only for groups at the threshold or above)"),
        ["consultation_responses.SectorCode"] = ColumnClass.NotPersonal("the respondent's sector at submission, kept as the country is"),
        ["consultation_answers.Choices"] = ColumnClass.NotPersonal("option numbers"),
        ["consultation_answers.Text"] = ColumnClass.NotPersonal("a submitted answer, kept anonymous in the results after erasure as the privacy notice says; drafts are deleted"),
    };

    /// <summary>References that stay after erasure, pointing at the anonymised account row: what staff made keeps an author.</summary>
    private static readonly HashSet<string> TombstoneReferences = ["AspNetUsers.Id", "breach_notices.CreatedById", "breach_notice_recipients.UserId", "briefings.CreatedById", "briefings.UpdatedById", "talk_proposals.DecidedById", "application_reviews.ReviewerId", "consultations.CreatedById", "profile_reviews.DecidedById"];

    [Fact]
    public void Model_EveryTextColumn_IsClassifiedForErasure()
    {
        // Arrange
        var columns = TextColumns();

        // Act
        var unclassified = columns.Where(c => !Columns.ContainsKey(c.Key)).Select(c => $"{c.Key} ({c.Value.Entity}.{c.Value.Property})").ToList();
        var stale = Columns.Keys.Where(k => !columns.ContainsKey(k)).ToList();

        // Assert
        unclassified.ShouldBeEmpty("classify these columns in AccountErasureTests.Columns (Personal, Attribute, UserId, Secret or NotPersonal(\"why\"))");
        stale.ShouldBeEmpty("these columns are no longer in the model: remove them from AccountErasureTests.Columns");
    }

    [Fact]
    public async Task Erase_PersonSeededInEveryTable_NoPersonalValueSurvivesInAnyColumn()
    {
        // Arrange: the person's needle is in every Personal column before erasure (so the seed covers each of them)
        var person = await PersonalDataSeed.SeedAsync(portal, "full", suspended: true);
        var before = await ColumnsHoldingAsync(person);
        var notSeeded = Columns.Where(c => c.Value == ColumnClass.Personal && !before.Contains(c.Key)).Select(c => c.Key).ToList();
        notSeeded.ShouldBeEmpty("PersonalDataSeed must put the person's needle into every Personal column");

        // Act: an Admin erases for cause; then the confirmation email is delivered
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        await portal.WithServiceAsync<AccountErasure>(e => e.EraseByAdminAsync(person.Id, "On request, case 42.", forCause: true, new Actor(adminId, PortalFactory.AdminEmail), Token));
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == person.Email) && m.Subject!.Contains("erased", StringComparison.Ordinal));
        await WaitUntilAsync(() => portal.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ForgetRecipient && e.SentAt != null && e.To == OutboundEmail.ForgottenRecipient, Token)));

        // Assert: nothing anywhere still holds the needle or the address; the id survives only as tombstone references
        (await ColumnsHoldingAsync(person)).ShouldBeEmpty("these columns still hold the erased person's data");
        var idLeft = (await ColumnsHoldingTextAsync(person.Id)).Where(c => !TombstoneReferences.Contains(c)).ToList();
        idLeft.ShouldBeEmpty("the account id may only stay where it points at the anonymised row");
        var tombstone = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id, Token));
        tombstone.ErasedAt.ShouldNotBeNull();
        tombstone.PasswordHash.ShouldBeNull();
        tombstone.FeedTokenHash.ShouldBeNull();
        tombstone.CalendarTokenHash.ShouldBeNull();
        Columns.Where(c => c.Key.StartsWith("AspNetUsers.", StringComparison.Ordinal) && c.Value == ColumnClass.Attribute).ShouldNotBeEmpty();
        (tombstone.CountryCode, tombstone.SectorCode, tombstone.TimeZoneId).ShouldBe((null, null, null));
        (tombstone.PendingEmail, tombstone.PendingEmailRequestedAt, tombstone.LastTotpTimeStep).ShouldBe((null, null, null));
        tombstone.WebinarAnnouncementsOptOutAt.ShouldNotBeNull("the tombstone is off every mailing list");
        (await portal.WithDbAsync(db => db.PrivacyAcceptances.CountAsync(a => a.UserId == person.Id, Token))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.WebinarAnnouncements.CountAsync(a => a.MemberId == person.Id, Token))).ShouldBe(0);
        var notices = await portal.WithDbAsync(db => db.BreachNotices.AsNoTracking().Where(n => n.CreatedById == person.Id).Select(n => n.CreatedByName).ToListAsync(Token));
        notices.ShouldBe([AccountErasure.ErasedName], "the breach notice keeps its author id, without the name");
        var recipients = await portal.WithDbAsync(db => db.BreachNoticeRecipients.AsNoTracking().Where(r => r.UserId == person.Id).ToListAsync(Token));
        recipients.Count.ShouldBe(2, "breach notice recipients stay, pointing at the tombstone, so the notice's counts hold");
        recipients.ShouldAllBe(r => r.QueuedAt != null, "a recipient the job had not reached yet is never mailed");
        (await portal.WithDbAsync(db => db.PrivacyNotices.Where(n => n.Markdown == "Notice full").Select(n => n.PublishedBy).SingleAsync(Token))).ShouldBe(AccountErasure.ErasedName);
    }

    [Fact]
    public async Task Erase_QueuedMessageToSomeoneElseMentioningThem_RewritesItsEncryptedBodiesWithoutTheNameOrAddress()
    {
        // Arrange: a message to the Admin, still waiting in the outbox (no job for it), quotes the person.
        const string email = "quoted.in.queue@quoting-corp.example";
        const string fullName = "Quentin Quotedperson";
        var target = await portal.CreateUserAsync(email, fullName, Roles.Member);
        var protection = portal.Factory.Services.GetRequiredService<OutboxProtection>();
        var queued = OutboundEmail.From(
            new EmailMessage(PortalFactory.AdminEmail, "A note for staff", $"<p>{fullName} ({email}) asked for a call.</p>", $"{fullName} ({email}) asked for a call."),
            DateTimeOffset.UtcNow,
            protection);
        await portal.WithDbAsync(db =>
        {
            db.OutboundEmails.Add(queued);
            return db.SaveChangesAsync(Token);
        });
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);

        // Act
        await portal.WithServiceAsync<AccountErasure>(e => e.EraseByAdminAsync(target, "On request.", forCause: false, new Actor(adminId, PortalFactory.AdminEmail), Token));

        // Assert: the message stays queued, still encrypted, and reads without the person
        var stored = await portal.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == queued.Id, Token));
        stored.TextBody.ShouldStartWith(OutboxProtection.Prefix);
        stored.HtmlBody.ShouldStartWith(OutboxProtection.Prefix);
        var message = stored.ToMessage(protection);
        message.TextBody.ShouldBe($"{AccountErasure.ErasedName} ({AccountErasure.ErasedName}) asked for a call.");
        message.HtmlBody.ShouldBe($"<p>{AccountErasure.ErasedName} ({AccountErasure.ErasedName}) asked for a call.</p>");
    }

    [Fact]
    public async Task PostErase_WithPasswordAndConfirmation_ErasesSignsOutAndSignInFails()
    {
        // Arrange
        var person = await PersonalDataSeed.SeedAsync(portal, "self");
        using var client = await portal.SignedInClientAsync(person.Email);

        // Act
        using var response = await client.SubmitFormAsync("/profile/erase", new Dictionary<string, string>
        {
            ["Input.Password"] = person.Password,
            ["Input.Confirm"] = "true",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/profile/erased");
        using var profile = await client.GetAsync(new Uri("/profile", UriKind.Relative), Token);
        profile.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the erasing session is signed out");
        using var fresh = portal.CreateClient();
        using var signIn = await fresh.SignInAsync(person.Email, person.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "sign-in with the erased address fails and re-shows the form");
        var confirmation = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == person.Email) && m.Subject!.Contains("erased", StringComparison.Ordinal));
        confirmation.TextBody!.ShouldContain("As you asked");
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == SecurityEvents.AccountErased && e.Note!.Contains("own request"), Token));
        audit.Subject.ShouldStartWith("erased-account:");
        audit.ActorId.ShouldBe(audit.Subject);
        audit.IpAddress.ShouldBeNull();
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == person.Id || e.Subject == SecurityEvents.UserSubject(person.Id), Token))).ShouldBe(0);
    }

    [Fact]
    public async Task PostErase_WrongPassword_RefusedKeepsTheAccount()
    {
        // Arrange
        var person = await PersonalDataSeed.SeedAsync(portal, "wrong");
        using var client = await portal.SignedInClientAsync(person.Email);

        // Act
        using var response = await client.SubmitFormAsync("/profile/erase", new Dictionary<string, string>
        {
            ["Input.Password"] = "not the password at all",
            ["Input.Confirm"] = "true",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.ShouldContain("The password is not correct.");
        (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == person.Id, Token))).ErasedAt.ShouldBeNull();
        (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == person.Id, Token))).AccessFailedCount.ShouldBe(1, "a wrong password counts towards lockout");
    }

    [Fact]
    public async Task PostErase_WithoutConfirmation_RefusedKeepsTheAccount()
    {
        // Arrange
        var person = await PersonalDataSeed.SeedAsync(portal, "unticked");
        using var client = await portal.SignedInClientAsync(person.Email);

        // Act
        using var response = await client.SubmitFormAsync("/profile/erase", new Dictionary<string, string> { ["Input.Password"] = person.Password });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Confirm']")!.TextContent.ShouldContain("Tick the box");
        (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == person.Id, Token))).ErasedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    public async Task AdminErase_AsAnyoneButAdmin_IsForbidden(string email)
    {
        // Arrange
        var target = await portal.CreateUserAsync($"target.{email.Split('@')[0]}@example.eu", "Erase Target", Roles.Member);
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var get = await client.GetAsync(new Uri($"/admin/members/{target}/erase", UriKind.Relative), Token);
        using var content = new FormUrlEncodedContent([]);
        using var post = await client.PostAsync(new Uri($"/admin/members/{target}/erase", UriKind.Relative), content, Token);

        // Assert
        get.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == target, Token))).ErasedAt.ShouldBeNull();
    }

    [Fact]
    public async Task AdminErase_ForCause_ErasesAndANewApplicationFromTheAddressIsFlaggedForVetters()
    {
        // Arrange
        const string email = "removed.for.cause@blocked-corp.example";
        var target = await portal.CreateUserAsync(email, "Removed Person", Roles.Member);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var erased = await admin.SubmitFormAsync($"/admin/members/{target}/erase", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Breach of the community's confidentiality rules.",
            ["Input.ForCause"] = "true",
            ["Input.Confirm"] = "true",
        });
        var (applicationId, _) = await Membership.MembershipTestKit.ApplyAndVerifyAsync(portal, Membership.MembershipFlowTests.Form("Removed.For.Cause@blocked-corp.example"));

        // Assert
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == target, Token))).ErasedAt.ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.BlockedEmails.CountAsync(Token))).ShouldBeGreaterThanOrEqualTo(1);
        (await portal.WithDbAsync(db => db.BlockedEmails.AnyAsync(b => b.Hash.Contains("removed"), Token))).ShouldBeFalse();
        var application = await Membership.MembershipTestKit.LoadAsync(portal, applicationId);
        application.Status.ShouldBe(ApplicationStatus.Submitted, "the applicant is treated like anyone else");
        application.Flags.Select(f => f.Kind).ShouldContain(FlagKind.BlockedAddress);
    }

    [Fact]
    public async Task AdminErase_OnRequestWithoutCause_DoesNotBlocklist()
    {
        // Arrange
        const string email = "leaving.on.request@leaving-corp.example";
        var target = await portal.CreateUserAsync(email, "Leaving Person", Roles.Member);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var erased = await admin.SubmitFormAsync($"/admin/members/{target}/erase", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Asked by email on 27 November.",
            ["Input.Confirm"] = "true",
        });
        var (applicationId, _) = await Membership.MembershipTestKit.ApplyAndVerifyAsync(portal, Membership.MembershipFlowTests.Form(email));

        // Assert
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Membership.MembershipTestKit.LoadAsync(portal, applicationId)).Flags.Select(f => f.Kind).ShouldNotContain(FlagKind.BlockedAddress);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == SecurityEvents.AccountErased && e.Note!.Contains("27 November")).SingleAsync(Token));
        audit.ActorName.ShouldBe(PortalFactory.AdminEmail);
        audit.Subject.ShouldStartWith("erased-account:");
    }

    private Dictionary<string, (string Entity, string Property, bool IsInet)> TextColumns()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = new Dictionary<string, (string, string, bool)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

            // An owned type stored as one JSON document (Identity's passkey data) is one jsonb column of its owner's table.
            if (entity.IsMappedToJson())
            {
                result[$"{table.Name}.{entity.GetContainerColumnName()}"] = (entity.ClrType.Name, entity.GetContainerColumnName()!, false);
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                var type = property.GetColumnType();
                var isText = type.StartsWith("text", StringComparison.Ordinal) || type.StartsWith("character", StringComparison.Ordinal)
                    || type.StartsWith("inet", StringComparison.Ordinal) || type.StartsWith("tsvector", StringComparison.Ordinal)
                    || type.EndsWith("[]", StringComparison.Ordinal) || type.StartsWith("json", StringComparison.Ordinal);
                if (isText && property.GetColumnName(table) is { } column)
                {
                    result[$"{table.Name}.{column}"] = (entity.ClrType.Name, property.Name, type.StartsWith("inet", StringComparison.Ordinal));
                }
            }
        }

        return result;
    }

    /// <summary>The "table.column" keys of every text-like column that holds the person's needle, address or IP address.</summary>
    private async Task<HashSet<string>> ColumnsHoldingAsync(SeededPerson person)
    {
        var found = await ColumnsHoldingTextAsync(person.Needle);
        found.UnionWith(await ColumnsHoldingTextAsync(person.Email));
        foreach (var (key, column) in TextColumns().Where(c => c.Value.IsInet))
        {
            if (await CountAsync($"""SELECT count(*) FROM "{Table(key)}" WHERE "{Column(key)}" = @needle::inet""", person.IpAddress) > 0)
            {
                found.Add(key);
            }
        }

        return found;
    }

    private async Task<HashSet<string>> ColumnsHoldingTextAsync(string needle)
    {
        var found = new HashSet<string>();
        foreach (var key in TextColumns().Where(c => !c.Value.IsInet).Select(c => c.Key))
        {
            var holds = OutboxProtectedColumns.Contains(key)
                ? await ProtectedColumnHoldsAsync(key, needle)
                : await CountAsync($"""SELECT count(*) FROM "{Table(key)}" WHERE strpos(lower("{Column(key)}"::text), lower(@needle)) > 0""", needle) > 0;
            if (holds)
            {
                found.Add(key);
            }
        }

        return found;
    }

    /// <summary>Searches a column stored encrypted (<see cref="OutboxProtection"/>) as the portal reads it: decrypted.</summary>
    private async Task<bool> ProtectedColumnHoldsAsync(string key, string needle)
    {
        var protection = portal.Factory.Services.GetRequiredService<OutboxProtection>();
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand($"""SELECT "{Column(key)}" FROM "{Table(key)}" WHERE "{Column(key)}" IS NOT NULL""", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            if (protection.Unprotect(reader.GetString(0)).Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<long> CountAsync(string sql, string needle)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("needle", needle);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private static string Table(string key) => key[..key.IndexOf('.', StringComparison.Ordinal)];

    private static string Column(string key) => key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the confirmation email was not delivered in time");
            await Task.Delay(200, Token);
        }
    }
}

/// <summary>How a column relates to erasure; see <see cref="AccountErasureTests.Columns"/>.</summary>
internal sealed record ColumnClass(string Kind, string? Reason = null)
{
    public static readonly ColumnClass Personal = new(nameof(Personal));
    public static readonly ColumnClass Attribute = new(nameof(Attribute));
    public static readonly ColumnClass UserId = new(nameof(UserId));
    public static readonly ColumnClass Secret = new(nameof(Secret));

    public static ColumnClass NotPersonal(string reason) => new(nameof(NotPersonal), reason);
}
