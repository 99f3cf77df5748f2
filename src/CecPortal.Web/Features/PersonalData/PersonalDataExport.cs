using System.Text.Json;
using System.Text.Json.Serialization;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Infrastructure.Audit;
using static CecPortal.Web.Features.PersonalData.PersonalDataDocument;

namespace CecPortal.Web.Features.PersonalData;

/// <summary>
/// "Download my data" (GDPR Art. 15 and 20): everything the portal holds about one person, as one JSON document.
/// The shape is <see cref="PersonalDataDocument"/>; <see cref="PersonalDataDocument.FormatVersion"/> changes when a
/// field is renamed or removed (adding a field keeps the version). Secrets are never exported: no password hash,
/// no token hashes or values, no security stamp, no authenticator key, recovery codes or last accepted code's time step
/// (only whether two-step sign-in is on). Vetters' internal notes and other people's names are left out.
/// </summary>
public sealed class PersonalDataExport(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Format = "cec-portal/personal-data";
    public const int Version = 1;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The document as UTF-8 JSON, with the export recorded as a security event in the same save; null if no such user.</summary>
    public async Task<byte[]?> ExportJsonAsync(string userId, CancellationToken cancellationToken)
    {
        var document = await BuildAsync(userId, cancellationToken);
        if (document is null)
        {
            return null;
        }

        audit.Record(userId, document.Profile.UserName ?? userId, SecurityEvents.DataExported, SecurityEvents.UserSubject(userId));
        await db.SaveChangesAsync(cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
    }

    public static string FileName(DateTimeOffset now) => $"cec-portal-my-data-{now.UtcDateTime:yyyy-MM-dd}.json";

    public async Task<PersonalDataDocument?> BuildAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var subject = SecurityEvents.UserSubject(userId);
        var normalizedEmail = user.NormalizedEmail ?? string.Empty;
        var emailPattern = SearchPattern.Exactly(user.Email ?? string.Empty);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           orderby r.Name
                           select r.Name!).ToListAsync(cancellationToken);

        var applications = await db.MembershipApplications.AsNoTracking()
            .Include(a => a.Events).Include(a => a.Flags).Include(a => a.Reviews)
            .Where(a => a.MemberUserId == userId || a.NormalizedEmail == normalizedEmail)
            .OrderBy(a => a.CreatedAt)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var deliveries = await (from d in db.BriefingDeliveries.AsNoTracking()
                                join b in db.Briefings on d.BriefingId equals (Guid?)b.Id
                                where d.MemberId == userId
                                orderby d.CreatedAt
                                select new BriefingDeliveryRecord(b.Id, b.EditionDate, b.Title, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.SentAt, d.LastError))
            .ToListAsync(cancellationToken);

        var registrations = await (from r in db.WebinarRegistrations.AsNoTracking()
                                   join s in db.WebinarSessions on r.SessionId equals s.Id
                                   where r.MemberId == userId
                                   orderby s.StartsAt
                                   select new WebinarRegistrationRecord(s.Id, s.Title, s.StartsAt, s.TimeZoneId, r.Status, r.RegisteredAt, r.PromotedAt, r.CancelledAt, r.DayReminderSentAt, r.HourReminderSentAt))
            .ToListAsync(cancellationToken);

        var speakerSlots = await (from sp in db.WebinarSpeakers.AsNoTracking()
                                  join s in db.WebinarSessions on sp.SessionId equals s.Id
                                  where sp.MemberId == userId
                                  orderby s.StartsAt
                                  select new SpeakerSlotRecord(s.Id, s.Title, s.StartsAt, s.TimeZoneId, s.Status.ToString()))
            .ToListAsync(cancellationToken);

        var proposals = await db.TalkProposals.AsNoTracking()
            .Where(p => p.MemberId == userId)
            .OrderBy(p => p.CreatedAt)
            .ToListAsync(cancellationToken);

        var audits = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorId == userId || e.Subject == subject)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

        var emails = await db.OutboundEmails.AsNoTracking()
            .Where(e => EF.Functions.ILike(e.To, emailPattern, SearchPattern.EscapeCharacter))
            .OrderBy(e => e.CreatedAt)
            .Select(e => new EmailRecord(e.Id, e.To, e.Subject, e.CreatedAt, e.SentAt, e.Attempts))
            .ToListAsync(cancellationToken);

        var vetterCountries = await db.VetterCountries.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.CountryCode).OrderBy(c => c).ToListAsync(cancellationToken);
        var vetterSectors = await db.VetterSectors.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.SectorCode).OrderBy(c => c).ToListAsync(cancellationToken);
        var reviewsGiven = await db.ApplicationReviews.AsNoTracking()
            .Where(r => r.ReviewerId == userId)
            .OrderBy(r => r.At)
            .Select(r => new ReviewGivenRecord(r.ApplicationId, r.Round, r.Verdict, r.At))
            .ToListAsync(cancellationToken);
        var briefingsWritten = await db.Briefings.AsNoTracking()
            .Where(b => b.CreatedById == userId || b.UpdatedById == userId)
            .OrderBy(b => b.EditionDate)
            .Select(b => new BriefingWrittenRecord(b.Id, b.EditionDate, b.Title, b.CreatedById == userId, b.UpdatedById == userId, b.CreatedAt, b.UpdatedAt))
            .ToListAsync(cancellationToken);
        var proposalsDecided = await db.TalkProposals.AsNoTracking()
            .Where(p => p.DecidedById == userId)
            .OrderBy(p => p.DecidedAt)
            .Select(p => new ProposalDecidedRecord(p.Id, p.Status, p.DecidedAt))
            .ToListAsync(cancellationToken);

        // Privacy notice versions carry the publishing Admin's sign-in name, not an id: matched on the names the person signs in with.
        var ownNames = new[] { user.UserName, user.Email }.OfType<string>().Distinct().ToList();
        var privacyNoticesPublished = await db.PrivacyNotices.AsNoTracking()
            .Where(n => n.PublishedBy != null && ownNames.Contains(n.PublishedBy))
            .OrderBy(n => n.Version)
            .Select(n => new PrivacyNoticePublishedRecord(n.Version, n.PublishedAt, n.ChangeSummary))
            .ToListAsync(cancellationToken);
        var breachNoticesWritten = await db.BreachNotices.AsNoTracking()
            .Where(n => n.CreatedById == userId)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new BreachNoticeWrittenRecord(n.Id, n.Subject, n.CreatedAt, n.RecipientCount))
            .ToListAsync(cancellationToken);

        var acceptances = await db.PrivacyAcceptances.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.Version)
            .Select(a => new PrivacyAcceptanceRecord(a.Version, a.AcceptedAt))
            .ToListAsync(cancellationToken);
        var breachNotices = await (from r in db.BreachNoticeRecipients.AsNoTracking()
                                   join n in db.BreachNotices on r.NoticeId equals n.Id
                                   where r.UserId == userId
                                   orderby n.CreatedAt
                                   select new BreachNoticeReceivedRecord(n.Id, n.Subject, n.CreatedAt, r.QueuedAt))
            .ToListAsync(cancellationToken);
        var announcements = await (from a in db.WebinarAnnouncements.AsNoTracking()
                                   join s in db.WebinarSessions on a.SessionId equals s.Id
                                   where a.MemberId == userId
                                   orderby a.CreatedAt
                                   select new WebinarAnnouncementRecord(s.Id, s.Title, s.StartsAt, s.TimeZoneId, a.CreatedAt))
            .ToListAsync(cancellationToken);

        var sharing = await SharingAsync(userId, cancellationToken);
        var channelsCreated = await db.Channels.AsNoTracking()
            .Where(c => c.CreatedById == userId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new ChannelCreatedRecord(c.Slug, c.CreatedAt))
            .ToListAsync(cancellationToken);
        var messagesHidden = await db.Messages.AsNoTracking()
            .Where(m => m.HiddenById == userId)
            .OrderBy(m => m.HiddenAt)
            .Select(m => new MessageHiddenRecord(m.Id, m.HiddenAt!.Value, m.HiddenReason))
            .ToListAsync(cancellationToken);
        var reportsDecided = await db.MessageReports.AsNoTracking()
            .Where(r => r.ResolvedById == userId)
            .OrderBy(r => r.ResolvedAt)
            .Select(r => new ReportDecidedRecord(r.MessageId, r.ResolvedAt!.Value, r.Resolution))
            .ToListAsync(cancellationToken);

        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId)
            .Select(l => new ExternalLoginRecord(l.LoginProvider, l.ProviderDisplayName)).ToListAsync(cancellationToken);
        var claims = await db.UserClaims.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new ClaimRecord(c.ClaimType, c.ClaimValue)).ToListAsync(cancellationToken);
        var tokens = await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId)
            .Select(t => new StoredTokenRecord(t.LoginProvider, t.Name)).ToListAsync(cancellationToken);
        var passkeys = (await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(p => p.Data.CreatedAt)
            .Select(p => new PasskeyRecord(
                System.Buffers.Text.Base64Url.EncodeToString(p.CredentialId), System.Buffers.Text.Base64Url.EncodeToString(p.Data.PublicKey), p.Data.Name, p.Data.CreatedAt, p.Data.SignCount, p.Data.Transports ?? [],
                p.Data.IsUserVerified, p.Data.IsBackupEligible, p.Data.IsBackedUp))
            .ToList();

        return new PersonalDataDocument(
            Format,
            Version,
            clock.GetUtcNow(),
            new ProfileRecord(
                user.Id, user.UserName, user.Email, user.EmailConfirmed, user.FullName, user.JobTitle, user.Organisation, user.CountryCode,
                user.SectorCode, user.TimeZoneId, user.PhoneNumber, user.PhoneNumberConfirmed, user.TwoFactorEnabled, user.CreatedAt,
                user.SuspendedAt, user.SuspensionReason, user.LockoutEnd, user.AccessFailedCount, user.HiddenFromDirectory,
                user.PendingEmail, user.PendingEmailRequestedAt),
            roles,
            new EmailPreferencesRecord(user.BriefingOptOutAt is null, user.BriefingOptOutAt, user.WebinarAnnouncementsOptOutAt is null, user.WebinarAnnouncementsOptOutAt),
            new PrivateAddressesRecord(user.FeedTokenHash is not null, user.FeedTokenCreatedAt, user.CalendarTokenHash is not null),
            [.. applications.Select(ToRecord)],
            [.. applications.Select(a => new ConsentRecord("Privacy notice, accepted when applying", a.ConsentedNoticeVersion, a.ConsentedAt))],
            deliveries,
            registrations,
            speakerSlots,
            [.. proposals.Select(p => new TalkProposalRecord(p.Id, p.Title, p.AbstractMarkdown, p.PreferredMonths, p.Status, p.DecisionNote, p.DecidedAt, p.SessionId, p.CreatedAt))],
            [.. audits.Select(e => ToRecord(e, userId, subject))],
            emails,
            new StaffRecord(vetterCountries, vetterSectors, reviewsGiven, briefingsWritten, proposalsDecided, breachNoticesWritten, privacyNoticesPublished, channelsCreated, messagesHidden, reportsDecided)
            {
                ConsultationsCreated = await db.Consultations.AsNoTracking().Where(c => c.CreatedById == userId).OrderBy(c => c.CreatedAt)
                    .Select(c => new ConsultationCreatedRecord(c.Id, c.Title, c.CreatedAt)).ToListAsync(cancellationToken),
                ProfileChangesDecided = [.. (await db.ProfileReviews.AsNoTracking().Where(r => r.DecidedById == userId).OrderBy(r => r.DecidedAt)
                    .Select(r => new { r.Id, r.Status, r.DecidedAt }).ToListAsync(cancellationToken))
                    .Select(r => new ProfileChangeDecidedRecord(r.Id, r.Status.Describe(), r.DecidedAt))],
            },
            new IdentityRecord(logins, claims, tokens, passkeys),
            acceptances,
            breachNotices,
            announcements,
            sharing)
        {
            ConsultationAnswerSets = await ConsultationAnswerSetsAsync(userId, cancellationToken),
            ConsultationEmails = new ConsultationEmailsRecord(user.ConsultationEmailsOptOutAt is null, user.ConsultationEmailsOptOutAt),
            MembershipConfirmations = new MembershipConfirmationsRecord(
                user.AttestationDueAt, user.AttestationRequestedAt, user.AttestationRemindedAt, user.LastAttestedAt, user.LapsedAt, user.LeftAt),
            ProfileChanges = [.. (await db.ProfileReviews.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken))
                .Select(r => new ProfileChangeRecord(
                    r.Id, r.Status.Describe(), r.RequestedAt, r.DecidedAt, r.OldOrganisation, r.OldCountryCode, r.OldSectorCode, r.NewOrganisation, r.NewCountryCode, r.NewSectorCode,
                    r.OrganisationWebsite, r.RefusalReason, [.. r.Flags.Select(f => new PreCheckRecord(f.Kind.Describe(), f.Explanation))]))],
            AddressDeliverability = new AddressDeliverabilityRecord(user.UndeliverableSince, user.UndeliverableReason, user.AddressConfirmedAt),
            LastBriefingOpened = user.BriefingLastReadOn,
            MailBounces = await db.MailBounces.AsNoTracking().Where(b => b.MemberId == userId).OrderBy(b => b.ReceivedAt)
                .Select(b => new MailBounceRecord(b.ReceivedAt, b.Kind.ToString(), b.Source.ToString(), b.StatusCode, b.Diagnostic, b.BriefingId))
                .ToListAsync(cancellationToken),
        };
    }

    private async Task<List<ConsultationAnswerSetRecord>> ConsultationAnswerSetsAsync(string userId, CancellationToken cancellationToken)
    {
        var responses = await db.ConsultationResponses.AsNoTracking().Include(r => r.Answers)
            .Where(r => r.MemberId == userId)
            .OrderBy(r => r.UpdatedAt)
            .ToListAsync(cancellationToken);
        var ids = responses.Select(r => r.ConsultationId).ToList();
        var consultations = await db.Consultations.AsNoTracking().Include(c => c.Questions)
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var sets = responses.Select(r => new { Response = r, Consultation = consultations[r.ConsultationId] });
        return [.. sets.Select(x => new ConsultationAnswerSetRecord(
            x.Consultation.Id,
            x.Consultation.Title,
            x.Consultation.Mode.ToString(),
            x.Response.IsSubmitted,
            x.Response.UpdatedAt,
            x.Response.Named,
            x.Response.CountryCode?.Trim(),
            x.Response.SectorCode,
            [.. x.Consultation.Questions.OrderBy(q => q.Position)
                .Select(q => (Question: q, Answer: x.Response.Answers.SingleOrDefault(a => a.QuestionId == q.Id)))
                .Where(p => p.Answer is not null)
                .Select(p => new ConsultationAnswerRecord(p.Question.Position, p.Question.Prompt, ConsultationAdministration.Describe(p.Question, p.Answer!)))]))];
    }

    private async Task<SharingRecord> SharingAsync(string userId, CancellationToken cancellationToken)
    {
        var channels = await (from s in db.ChannelSubscriptions.AsNoTracking()
                              join c in db.Channels on s.ChannelId equals c.Id
                              where s.UserId == userId
                              orderby c.Slug
                              select new SharingChannelRecord(c.Slug, s.Role.ToString(), s.JoinedAt, s.Notify.ToString(), s.Muted, s.UrgentAlertsByEmail, s.ReadUpToSeq, s.SilencedUntil))
            .ToListAsync(cancellationToken);
        var topics = await (from t in db.Topics.AsNoTracking()
                            join c in db.Channels on t.ChannelId equals c.Id
                            where t.StartedById == userId
                            orderby t.CreatedAt
                            select new SharingTopicRecord(t.Id, c.Slug, t.Subject, t.CreatedAt))
            .ToListAsync(cancellationToken);
        var messages = await (from m in db.Messages.AsNoTracking()
                              join t in db.Topics on m.TopicId equals t.Id
                              join c in db.Channels on m.ChannelId equals c.Id
                              where m.AuthorId == userId
                              orderby m.Seq
                              select new { m.Id, Channel = c.Slug, Topic = t.Subject, m.Tlp, m.BodyMarkdown, m.CreatedAt, m.EditedAt, m.DeletedAt, m.HiddenAt })
            .ToListAsync(cancellationToken);
        var ids = messages.Select(m => m.Id).ToList();
        var revisions = (await db.MessageRevisions.AsNoTracking().Where(r => ids.Contains(r.MessageId)).OrderBy(r => r.ReplacedAt).ToListAsync(cancellationToken))
            .ToLookup(r => r.MessageId);
        var mentions = await (from x in db.MessageMentions.AsNoTracking()
                              join m in db.Messages on x.MessageId equals m.Id
                              join c in db.Channels on m.ChannelId equals c.Id
                              where x.UserId == userId
                              orderby m.Seq
                              select new SharingMentionRecord(m.Id, c.Slug, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var sightings = await db.MessageSightings.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
            .Select(s => new SharingSightingRecord(s.MessageId, s.CreatedAt)).ToListAsync(cancellationToken);
        var reads = await db.TopicReads.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.TopicId)
            .Select(r => new SharingTopicReadRecord(r.TopicId, r.ReadUpToSeq)).ToListAsync(cancellationToken);
        var reports = await db.MessageReports.AsNoTracking().Where(r => r.ReporterId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new SharingReportRecord(r.MessageId, r.Reason, r.Note, r.CreatedAt, r.ResolvedAt, r.Resolution)).ToListAsync(cancellationToken);
        return new SharingRecord(
            channels,
            topics,
            [.. messages.Select(m => new SharingMessageRecord(
                m.Id, m.Channel, m.Topic, m.Tlp, m.BodyMarkdown, m.CreatedAt, m.EditedAt, m.DeletedAt, m.HiddenAt,
                [.. revisions[m.Id].Select(r => new SharingRevisionRecord(r.BodyMarkdown, r.Tlp, r.ReplacedAt))]))],
            mentions,
            sightings,
            reads,
            await UrgentAlertsAsync(userId, cancellationToken),
            await UrgentAlertEmailsAsync(userId, cancellationToken),
            reports)
        {
            Notifications = await db.SharingActivity.AsNoTracking().Where(a => a.UserId == userId)
                .Select(a => new SharingNotificationsRecord(a.LastActiveAt, a.NotifiedUpToSeq, a.LastEmailedAt)).SingleOrDefaultAsync(cancellationToken),
        };
    }

    private async Task<List<SharingUrgentAlertRecord>> UrgentAlertsAsync(string userId, CancellationToken cancellationToken)
    {
        var alerts = await (from a in db.UrgentAlerts.AsNoTracking()
                            join c in db.Channels on a.ChannelId equals c.Id
                            where a.ProposedById == userId || a.DecidedById == userId || a.EndedById == userId
                            orderby a.CreatedAt
                            select new { a.Id, a.MessageId, c.Slug, a.Title, a.Status, a.ProposedById, a.DecidedById, a.EndedById, a.CreatedAt, a.DecidedAt, a.EndedAt })
                           .ToListAsync(cancellationToken);
        return [.. alerts.Select(a => new SharingUrgentAlertRecord(
            a.Id, a.MessageId, a.Slug, a.Title, a.Status.ToString(),
            string.Join(", ", new[] { a.ProposedById == userId ? "proposed" : null, a.DecidedById == userId ? "decided" : null, a.EndedById == userId ? "ended" : null }.OfType<string>()),
            a.CreatedAt, a.DecidedAt, a.EndedAt))];
    }

    private Task<List<SharingUrgentAlertEmailRecord>> UrgentAlertEmailsAsync(string userId, CancellationToken cancellationToken) =>
        (from d in db.BriefingDeliveries.AsNoTracking()
         join a in db.UrgentAlerts on d.UrgentAlertId equals (Guid?)a.Id
         where d.MemberId == userId
         orderby d.CreatedAt
         select new SharingUrgentAlertEmailRecord(a.Id, a.Title, d.Status, d.Attempts, d.CreatedAt, d.SentAt, d.LastError))
        .ToListAsync(cancellationToken);

    private static ApplicationRecord ToRecord(MembershipApplication a) => new(
        a.Id, a.Status, a.CreatedAt, a.VerifiedAt, a.DecidedAt, a.DeclineReason?.Describe(),
        a.FullName, a.WorkEmail, a.JobTitle, a.Organisation, a.OrganisationWebsite, a.CountryCode, a.SectorCode, a.SectorDescription,
        a.OrganisationSize, a.LinkedInUrl, a.Motivation, a.SponsorEmail, a.SponsorResponse, a.ConsentedNoticeVersion, a.ConsentedAt,
        // The applicant's timeline as their status page shows it: vetters' reviews and internal notes stay out.
        [.. a.Events.Where(e => e.IsVisibleToApplicant).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TimelineRecord(e.At, e.Kind, e.Describe(), e.Note))],
        [.. a.Flags.OrderBy(f => f.Id).Select(f => new PreCheckRecord(f.Kind.Describe(), f.Explanation))],
        [.. a.Reviews.OrderBy(r => r.At).Select(r => new ReviewOutcomeRecord(r.Round, r.Verdict, r.At))]);

    // Other people's names and addresses (the Admin who acted) stay out; the person's own addresses and devices are in.
    private static AuditRecord ToRecord(Infrastructure.Audit.AuditEntry e, string userId, string subject)
    {
        var byYou = e.ActorId == userId;
        var aboutYou = e.Subject == subject;
        return new AuditRecord(
            e.At,
            e.Action,
            byYou ? "you" : e.ActorId is null ? "system" : "staff",
            aboutYou ? "you" : e.Subject,
            aboutYou || byYou ? e.Note : null,
            byYou ? e.IpAddress?.ToString() : null,
            byYou ? e.UserAgent : null);
    }
}
