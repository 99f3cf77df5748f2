using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using static CecPortal.Web.Features.PersonalData.PersonalDataDocument;

namespace CecPortal.Web.Features.PersonalData;

/// <summary>
/// The exported document; property names are camelCase in JSON, enums are strings, instants are UTC ISO 8601. Its parts
/// are nested here so that the whole format reads in one file, as a schema does.
/// </summary>
public sealed record PersonalDataDocument(
    string Format,
    int FormatVersion,
    DateTimeOffset GeneratedAt,
    ProfileRecord Profile,
    IReadOnlyList<string> Roles,
    EmailPreferencesRecord EmailPreferences,
    PrivateAddressesRecord PrivateAddresses,
    IReadOnlyList<ApplicationRecord> Applications,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<BriefingDeliveryRecord> BriefingDeliveries,
    IReadOnlyList<WebinarRegistrationRecord> WebinarRegistrations,
    IReadOnlyList<SpeakerSlotRecord> SpeakerSlots,
    IReadOnlyList<TalkProposalRecord> TalkProposals,
    IReadOnlyList<AuditRecord> SecurityAndAuditHistory,
    IReadOnlyList<EmailRecord> EmailsSentToYou,
    StaffRecord StaffWork,
    IdentityRecord SignInMethods,
    IReadOnlyList<PrivacyAcceptanceRecord> PrivacyNoticeAcceptances,
    IReadOnlyList<BreachNoticeReceivedRecord> BreachNoticesSentToYou,
    IReadOnlyList<WebinarAnnouncementRecord> WebinarAnnouncementsSentToYou,
    SharingRecord SharingSpace)
{
    /// <summary>The person's own answer sets to consultations, drafts included; only the person sees them joined to their name.</summary>
    public IReadOnlyList<ConsultationAnswerSetRecord> ConsultationAnswerSets { get; init; } = [];

    /// <summary>Whether mail to the person's address bounced (issue 18): the mark that stops mailings, and when they last confirmed the address.</summary>
    public AddressDeliverabilityRecord AddressDeliverability { get; init; } = new(null, null, null);

    /// <summary>The bounces, spam complaints and refusals of mail sent to the person, with the receiving server's words.</summary>
    public IReadOnlyList<MailBounceRecord> MailBounces { get; init; } = [];

    /// <summary>The edition date of the newest daily briefing the person opened on the portal (the home's "read"); null if none.</summary>
    public DateOnly? LastBriefingOpened { get; init; }

    public sealed record AddressDeliverabilityRecord(DateTimeOffset? UndeliverableSince, string? Reason, DateTimeOffset? AddressConfirmedAt);

    public sealed record MailBounceRecord(DateTimeOffset ReceivedAt, string Kind, string Source, string? StatusCode, string? Diagnostic, Guid? BriefingId);

    /// <summary>Whether consultation announcements and reminders are emailed to the person, and since when they are off.</summary>
    public ConsultationEmailsRecord ConsultationEmails { get; init; } = new(true, null);

    /// <summary>The person's changes of organisation, country or sector (light re-vetting): before, after, flags and the decision, without the vetter's name or note.</summary>
    public IReadOnlyList<ProfileChangeRecord> ProfileChanges { get; init; } = [];

    public sealed record ProfileChangeRecord(
        Guid Id, string Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt,
        string? OrganisationBefore, string? CountryBefore, string? SectorBefore, string? OrganisationAskedFor, string? CountryAskedFor, string? SectorAskedFor,
        string? OrganisationWebsite, string? RefusalReason, IReadOnlyList<PreCheckRecord> PreChecks);

    /// <summary>A member's profile change the person confirmed or refused as a vetter.</summary>
    public sealed record ProfileChangeDecidedRecord(Guid ChangeId, string Status, DateTimeOffset? DecidedAt);

    public sealed record ConsultationAnswerSetRecord(
        Guid ConsultationId, string Title, string Mode, bool Submitted, DateTimeOffset UpdatedAt, bool NamedToStaff, string? CountryCode, string? SectorCode,
        IReadOnlyList<ConsultationAnswerRecord> Answers);

    public sealed record ConsultationAnswerRecord(int Position, string Question, string Answer);

    public sealed record ConsultationEmailsRecord(bool ConsultationEmail, DateTimeOffset? TurnedOffAt);

    /// <summary>The yearly confirmation of the person's role: when it is due, when they were asked and reminded, when they last confirmed, lapsed or left.</summary>
    public MembershipConfirmationsRecord MembershipConfirmations { get; init; } = new(null, null, null, null, null, null);

    public sealed record MembershipConfirmationsRecord(
        DateTimeOffset? DueAt, DateTimeOffset? RequestedAt, DateTimeOffset? RemindedAt, DateTimeOffset? LastConfirmedAt, DateTimeOffset? LapsedAt, DateTimeOffset? LeftAt);

    /// <summary>
    /// What the person wrote and chose in the sharing space. Other members' messages are not included; a mention of the
    /// person says where and when, not what the other member wrote.
    /// </summary>
    public sealed record SharingRecord(
        IReadOnlyList<SharingChannelRecord> Channels,
        IReadOnlyList<SharingTopicRecord> TopicsStarted,
        IReadOnlyList<SharingMessageRecord> Messages,
        IReadOnlyList<SharingMentionRecord> MentionsOfYou,
        IReadOnlyList<SharingSightingRecord> SeenItToo,
        IReadOnlyList<SharingTopicReadRecord> TopicsRead,
        IReadOnlyList<SharingUrgentAlertRecord> UrgentAlerts,
        IReadOnlyList<SharingUrgentAlertEmailRecord> UrgentAlertEmails,
        IReadOnlyList<SharingReportRecord> ReportsMade)
    {
        /// <summary>When the person was last active in the portal and how far notification emails have taken them; null when never recorded.</summary>
        public SharingNotificationsRecord? Notifications { get; init; }
    }

    /// <summary>An urgent alert the person proposed, or raised, decided or ended as staff; their part is <see cref="YourPart"/>.</summary>
    public sealed record SharingUrgentAlertRecord(
        Guid AlertId, Guid MessageId, string Channel, string Title, string Status, string YourPart, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, DateTimeOffset? EndedAt);

    /// <summary>An urgent alert emailed (or due) to the person: the delivery ledger's row.</summary>
    public sealed record SharingUrgentAlertEmailRecord(
        Guid AlertId, string Title, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError);

    /// <summary>A channel the person joined, was added to, or changed settings for.</summary>
    public sealed record SharingChannelRecord(string Channel, string Role, DateTimeOffset JoinedAt, string Notify, bool Muted, bool UrgentAlertsByEmail, long ReadUpToSeq, DateTimeOffset? SilencedUntil);

    public sealed record SharingTopicRecord(Guid TopicId, string Channel, string Subject, DateTimeOffset CreatedAt);

    public sealed record SharingMessageRecord(
        Guid MessageId, string Channel, string Topic, TlpLabel Tlp, string BodyMarkdown, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
        DateTimeOffset? DeletedAt, DateTimeOffset? HiddenAt, IReadOnlyList<SharingRevisionRecord> PreviousVersions);

    public sealed record SharingRevisionRecord(string BodyMarkdown, TlpLabel Tlp, DateTimeOffset ReplacedAt);

    public sealed record SharingMentionRecord(Guid MessageId, string Channel, DateTimeOffset At);

    public sealed record SharingSightingRecord(Guid MessageId, DateTimeOffset At);

    public sealed record SharingTopicReadRecord(Guid TopicId, long ReadUpToSeq);

    public sealed record SharingNotificationsRecord(DateTimeOffset? LastActiveAt, long NotifiedUpToSeq, DateTimeOffset? LastEmailedAt);

    /// <summary>A message the person reported: their reason and note, and the moderators' decision (not the other member's text).</summary>
    public sealed record SharingReportRecord(Guid MessageId, ReportReason Reason, string? Note, DateTimeOffset ReportedAt, DateTimeOffset? DecidedAt, ReportResolution? Decision);

    /// <summary>A report the person decided as a moderator: which message, when and how.</summary>
    public sealed record ReportDecidedRecord(Guid MessageId, DateTimeOffset DecidedAt, ReportResolution? Decision);

    /// <summary>A sharing-space channel the person made as staff.</summary>
    public sealed record ChannelCreatedRecord(string Channel, DateTimeOffset CreatedAt);

    /// <summary>A message the person hid as a moderator: when and why, not the other member's text.</summary>
    public sealed record MessageHiddenRecord(Guid MessageId, DateTimeOffset HiddenAt, string? Reason);

    public sealed record ProfileRecord(
        string Id, string? UserName, string? Email, bool EmailConfirmed, string FullName, string? JobTitle, string? Organisation,
        string? CountryCode, string? SectorCode, string? TimeZoneId, string? PhoneNumber, bool PhoneNumberConfirmed, bool TwoFactorEnabled,
        DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, string? SuspensionReason, DateTimeOffset? LockoutEnd, int FailedSignInsSinceLastSuccess,
        bool HiddenFromDirectory, string? PendingEmail, DateTimeOffset? PendingEmailRequestedAt);

    public sealed record EmailPreferencesRecord(
        bool DailyBriefingEmail, DateTimeOffset? DailyBriefingTurnedOffAt, bool WebinarAnnouncementEmail, DateTimeOffset? WebinarAnnouncementsTurnedOffAt);

    /// <summary>A version of the privacy notice the person accepted (at sign-up or when a new version was published).</summary>
    public sealed record PrivacyAcceptanceRecord(int Version, DateTimeOffset AcceptedAt);

    /// <summary>A personal data breach notice (GDPR Art. 34) addressed to the person; QueuedAt is when their email went to the outbox.</summary>
    public sealed record BreachNoticeReceivedRecord(Guid NoticeId, string Subject, DateTimeOffset NoticeCreatedAt, DateTimeOffset? QueuedAt);

    /// <summary>A webinar session announced to the person by email, and when.</summary>
    public sealed record WebinarAnnouncementRecord(Guid SessionId, string Title, DateTimeOffset StartsAt, string TimeZoneId, DateTimeOffset AnnouncedAt);

    /// <summary>Whether the secret feed and calendar addresses exist; the secrets themselves are never exported.</summary>
    public sealed record PrivateAddressesRecord(bool HasBriefingFeedAddress, DateTimeOffset? BriefingFeedAddressCreatedAt, bool HasCalendarAddress);

    public sealed record ApplicationRecord(
        Guid Id, ApplicationStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? EmailVerifiedAt, DateTimeOffset? DecidedAt, string? DeclineReason,
        string FullName, string WorkEmail, string JobTitle, string Organisation, string OrganisationWebsite, string CountryCode, string SectorCode,
        string? SectorDescription, OrganisationSize OrganisationSize, string? LinkedInUrl, string Motivation, string? SponsorEmail, SponsorResponse SponsorResponse,
        string PrivacyNoticeVersion, DateTimeOffset PrivacyNoticeAcceptedAt,
        IReadOnlyList<TimelineRecord> Timeline, IReadOnlyList<PreCheckRecord> PreChecks, IReadOnlyList<ReviewOutcomeRecord> Reviews);

    public sealed record TimelineRecord(DateTimeOffset At, ApplicationEventKind Kind, string Description, string? Note);

    public sealed record PreCheckRecord(string Check, string Explanation);

    /// <summary>A vetter's verdict on the application, without the vetter's name or internal note.</summary>
    public sealed record ReviewOutcomeRecord(int Round, ReviewVerdict Verdict, DateTimeOffset At);

    public sealed record ConsentRecord(string What, string Version, DateTimeOffset AcceptedAt);

    public sealed record BriefingDeliveryRecord(Guid BriefingId, DateOnly EditionDate, string Title, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt, string? LastError);

    public sealed record WebinarRegistrationRecord(Guid SessionId, string Title, DateTimeOffset StartsAt, string TimeZoneId, RegistrationStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt, DateTimeOffset? CancelledAt, DateTimeOffset? DayReminderSentAt, DateTimeOffset? HourReminderSentAt);

    public sealed record SpeakerSlotRecord(Guid SessionId, string Title, DateTimeOffset StartsAt, string TimeZoneId, string SessionStatus);

    public sealed record TalkProposalRecord(Guid Id, string Title, string AbstractMarkdown, IReadOnlyList<DateOnly> PreferredMonths, ProposalStatus Status, string? DecisionNote, DateTimeOffset? DecidedAt, Guid? SessionId, DateTimeOffset CreatedAt);

    /// <summary>An audit entry by or about the person: "you", "staff" or "system" instead of other people's names.</summary>
    public sealed record AuditRecord(DateTimeOffset At, string Action, string Actor, string Subject, string? Note, string? IpAddress, string? UserAgent);

    /// <summary>An email the portal sent (or will send) to the person: metadata only, bodies are not kept after sending.</summary>
    public sealed record EmailRecord(Guid Id, string To, string Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts);

    public sealed record StaffRecord(
        IReadOnlyList<string> VetterCountries,
        IReadOnlyList<string> VetterSectors,
        IReadOnlyList<ReviewGivenRecord> ApplicationReviewsGiven,
        IReadOnlyList<BriefingWrittenRecord> BriefingsWritten,
        IReadOnlyList<ProposalDecidedRecord> TalkProposalsDecided,
        IReadOnlyList<BreachNoticeWrittenRecord> BreachNoticesWritten,
        IReadOnlyList<PrivacyNoticePublishedRecord> PrivacyNoticeVersionsPublished,
        IReadOnlyList<ChannelCreatedRecord> ChannelsCreated,
        IReadOnlyList<MessageHiddenRecord> MessagesHidden,
        IReadOnlyList<ReportDecidedRecord> ReportsDecided)
    {
        /// <summary>Consultations the person created as staff (not who answered them: that is never anyone's to see).</summary>
        public IReadOnlyList<ConsultationCreatedRecord> ConsultationsCreated { get; init; } = [];

        /// <summary>Members' profile changes the person decided as a vetter (not the members' details).</summary>
        public IReadOnlyList<ProfileChangeDecidedRecord> ProfileChangesDecided { get; init; } = [];
    }

    public sealed record ConsultationCreatedRecord(Guid ConsultationId, string Title, DateTimeOffset CreatedAt);

    public sealed record BreachNoticeWrittenRecord(Guid NoticeId, string Subject, DateTimeOffset CreatedAt, int RecipientCount);

    public sealed record PrivacyNoticePublishedRecord(int Version, DateTimeOffset PublishedAt, string? ChangeSummary);

    public sealed record ReviewGivenRecord(Guid ApplicationId, int Round, ReviewVerdict Verdict, DateTimeOffset At);

    public sealed record BriefingWrittenRecord(Guid BriefingId, DateOnly EditionDate, string Title, bool CreatedByYou, bool LastEditedByYou, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record ProposalDecidedRecord(Guid ProposalId, ProposalStatus Status, DateTimeOffset? DecidedAt);

    /// <summary>Sign-in methods and stored Identity records by name; token values (authenticator keys, recovery codes) are secrets and stay out.</summary>
    public sealed record IdentityRecord(IReadOnlyList<ExternalLoginRecord> ExternalLogins, IReadOnlyList<ClaimRecord> Claims, IReadOnlyList<StoredTokenRecord> StoredTokens, IReadOnlyList<PasskeyRecord> Passkeys);

    /// <summary>A passkey: its credential id, public key and what the device reported when it was made (the raw attestation is left out: it repeats these).</summary>
    public sealed record PasskeyRecord(string CredentialId, string PublicKey, string? Name, DateTimeOffset CreatedAt, uint SignCount, IReadOnlyList<string> Transports, bool UserVerified, bool BackupEligible, bool BackedUp);

    public sealed record ExternalLoginRecord(string Provider, string? DisplayName);

    public sealed record ClaimRecord(string? Type, string? Value);

    public sealed record StoredTokenRecord(string Provider, string Name);
}
