using System.Diagnostics.CodeAnalysis;

namespace CecPortal.Web.Data;

/// <summary>
/// A person who can sign in: a member CISO or a member of staff. The portal's own fields change only through the
/// intent-named methods below; Identity's inherited fields (email, password, lockout, stamps) stay Identity's.
/// </summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>The longest reason a suspension or reinstatement may record.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>A new account with what is known of the person; the caller sets Identity's sign-in name and email.</summary>
    public PortalUser(ProfileDetails details, DateTimeOffset createdAt)
    {
        Apply(details);
        CreatedAt = createdAt;
    }

    // For EF Core, which sets every mapped field after construction.
    private PortalUser() => FullName = string.Empty;

    public string FullName { get; private set; }

    public string? JobTitle { get; private set; }

    public string? Organisation { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the person works in.</summary>
    public string? CountryCode { get; private set; }

    /// <summary>NIS2 sector code of the person's organisation.</summary>
    public string? SectorCode { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set while an Admin has suspended the membership: no sign-in, no email.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>Set when the member turned the daily briefing email off (profile or one-click unsubscribe).</summary>
    public DateTimeOffset? BriefingOptOutAt { get; private set; }

    /// <summary>SHA-256 (hex) of the member's secret Atom feed token; the token itself is shown once and never stored.</summary>
    public string? FeedTokenHash { get; private set; }

    public DateTimeOffset? FeedTokenCreatedAt { get; private set; }

    /// <summary>IANA time zone the member reads times in; null means "from the country" (see the webinar pages).</summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>SHA-256 (hex) of the member's secret webinar calendar (ICS) token; shown once, never stored.</summary>
    public string? CalendarTokenHash { get; private set; }

    /// <summary>RFC 6238 time step of the last authenticator code accepted; a code of this step or earlier is refused (no replay).</summary>
    public long? LastTotpTimeStep { get; private set; }

    /// <summary>Set when the account was erased (GDPR Art. 17): the row is a tombstone without personal data.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>Set when the member turned webinar announcement emails off (profile or one-click unsubscribe).</summary>
    public DateTimeOffset? WebinarAnnouncementsOptOutAt { get; private set; }

    /// <summary>Set when the member turned consultation emails (announcements and reminders) off.</summary>
    public DateTimeOffset? ConsultationEmailsOptOutAt { get; private set; }

    /// <summary>The member chose not to be listed in the member directory (listed by default).</summary>
    public bool HiddenFromDirectory { get; private set; }

    /// <summary>A new sign-in email waiting for confirmation from that mailbox; the current email stays in force until then.</summary>
    public string? PendingEmail { get; private set; }

    public DateTimeOffset? PendingEmailRequestedAt { get; private set; }

    // Re-attestation (issue 18)

    /// <summary>When the member is next asked to confirm their role; null until scheduled (accounts that are not members never are).</summary>
    public DateTimeOffset? AttestationDueAt { get; private set; }

    /// <summary>When the email asking for this round's confirmation went out (once per round).</summary>
    public DateTimeOffset? AttestationRequestedAt { get; private set; }

    /// <summary>When this round's one reminder went out.</summary>
    public DateTimeOffset? AttestationRemindedAt { get; private set; }

    /// <summary>When the member last confirmed that they still hold a security leadership role at their organisation.</summary>
    public DateTimeOffset? LastAttestedAt { get; private set; }

    /// <summary>Set while the membership has lapsed for want of confirmation: sign-in works, community content does not.</summary>
    public DateTimeOffset? LapsedAt { get; private set; }

    public bool IsLapsed => LapsedAt is not null;

    /// <summary>Set when the member left their role and kept an alumni record: no sign-in, no email, not listed.</summary>
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsAlumni => LeftAt is not null;

    // Address deliverability (issue 18)

    /// <summary>Set when mail to the account's email address bounced for good: mailings stop until the owner confirms or changes it.</summary>
    public DateTimeOffset? UndeliverableSince { get; private set; }

    /// <summary>Why, in staff's words: the status code and the receiving server's diagnostic, trimmed.</summary>
    public string? UndeliverableReason { get; private set; }

    /// <summary>When the owner last confirmed the address after a bounce: soft bounces before it no longer count.</summary>
    public DateTimeOffset? AddressConfirmedAt { get; private set; }

    public bool IsUndeliverable => UndeliverableSince is not null;

    // The home page (issue 19)

    /// <summary>
    /// The edition date of the newest briefing the person opened on the portal, so the home can say whether today's is
    /// read. Set by the edition page in one conditional update (<see cref="Features.Briefings.BriefingReads"/>); never moves back.
    /// </summary>
    public DateOnly? BriefingLastReadOn { get; private set; }

    public ProfileDetails Details => new(FullName, JobTitle, Organisation, CountryCode, SectorCode, HiddenFromDirectory);

    /// <summary>Applies what the person typed on their profile; returns the names of the fields that changed.</summary>
    public IReadOnlyList<string> ChangeProfile(ProfileDetails details)
    {
        var changed = details.ChangedFrom(Details);
        Apply(details);
        return changed;
    }

    /// <summary>Suspends the membership; the caller also renews the security stamp so open sessions end.</summary>
    public void Suspend(string reason, DateTimeOffset now)
    {
        if (IsSuspended)
        {
            throw new AccountRuleException($"{FullName} is already suspended.");
        }

        var checkedReason = RequireReason(reason);
        SuspendedAt = now;
        SuspensionReason = checkedReason;
    }

    public void Reinstate(string reason)
    {
        if (!IsSuspended)
        {
            throw new AccountRuleException($"{FullName} is not suspended.");
        }

        RequireReason(reason);
        SuspendedAt = null;
        SuspensionReason = null;
    }

    /// <summary>Stops the daily briefing email; opting out again keeps the first instant.</summary>
    public void OptOutOfBriefing(DateTimeOffset now) => BriefingOptOutAt ??= now;

    public void OptInToBriefing() => BriefingOptOutAt = null;

    /// <summary>Stops webinar announcement emails; opting out again keeps the first instant.</summary>
    public void OptOutOfWebinarAnnouncements(DateTimeOffset now) => WebinarAnnouncementsOptOutAt ??= now;

    public void OptInToWebinarAnnouncements() => WebinarAnnouncementsOptOutAt = null;

    /// <summary>Stops the emails announcing consultations and reminding of their deadline; opting out again keeps the first instant.</summary>
    public void OptOutOfConsultationEmails(DateTimeOffset now) => ConsultationEmailsOptOutAt ??= now;

    public void OptInToConsultationEmails() => ConsultationEmailsOptOutAt = null;

    /// <summary>Stores the hash of a new Atom feed token, which replaces (and so invalidates) any earlier one.</summary>
    public void ReplaceFeedToken(string tokenHash, DateTimeOffset now)
    {
        FeedTokenHash = tokenHash;
        FeedTokenCreatedAt = now;
    }

    public void RevokeFeedToken()
    {
        FeedTokenHash = null;
        FeedTokenCreatedAt = null;
    }

    /// <summary>Stores the hash of a new calendar (ICS) token, which replaces (and so invalidates) any earlier one.</summary>
    public void ReplaceCalendarToken(string tokenHash) => CalendarTokenHash = tokenHash;

    public void RevokeCalendarToken() => CalendarTokenHash = null;

    /// <summary>The zone webinar times are shown in; null returns to the country's zone. The webinar feature checks the id.</summary>
    public void ChooseTimeZone(string? timeZoneId) => TimeZoneId = timeZoneId;

    /// <summary>Remembers the address a change of sign-in email waits on; a new request replaces an earlier one.</summary>
    public void RequestEmailChange(string newEmail, DateTimeOffset now)
    {
        PendingEmail = newEmail;
        PendingEmailRequestedAt = now;
    }

    /// <summary>Forgets the pending change (cancelled, confirmed or no longer possible), so its link stops working.</summary>
    public void ClearPendingEmail()
    {
        PendingEmail = null;
        PendingEmailRequestedAt = null;
    }

    /// <summary>
    /// Turns the account into a tombstone (GDPR Art. 17): every personal field is cleared or replaced by
    /// <paramref name="erasedName"/> and <paramref name="placeholderEmail"/>, sign-in is impossible, the stamps change so
    /// sessions and links die, and the row is off every mailing list and out of the directory. The caller deletes the
    /// rows that hang off the account (roles, claims, logins, tokens).
    /// </summary>
    public void Erase(string placeholderEmail, string erasedName, DateTimeOffset now)
    {
        UserName = placeholderEmail;
        NormalizedUserName = placeholderEmail.ToUpperInvariant();
        Email = placeholderEmail;
        NormalizedEmail = placeholderEmail.ToUpperInvariant();
        EmailConfirmed = false;
        PasswordHash = null;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        AccessFailedCount = 0;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
        FullName = erasedName;
        JobTitle = null;
        Organisation = null;
        CountryCode = null;
        SectorCode = null;
        TimeZoneId = null;
        SuspendedAt = null;
        SuspensionReason = null;
        BriefingOptOutAt = now;
        FeedTokenHash = null;
        FeedTokenCreatedAt = null;
        CalendarTokenHash = null;
        PendingEmail = null;
        PendingEmailRequestedAt = null;

        // Like the briefing: the tombstone is off every mailing list (it has no role either, so announcements skip it anyway).
        WebinarAnnouncementsOptOutAt = now;
        ConsultationEmailsOptOutAt = now;
        HiddenFromDirectory = true;
        ErasedAt = now;

        // A tombstone is no member: nothing to confirm, no standing, no alumni record (the erasure replaces it).
        AttestationDueAt = null;
        AttestationRequestedAt = null;
        AttestationRemindedAt = null;
        LastAttestedAt = null;
        LapsedAt = null;
        LeftAt = null;
        UndeliverableSince = null;
        UndeliverableReason = null;
        AddressConfirmedAt = null;
        BriefingLastReadOn = null;
    }

    /// <summary>
    /// Sets the due date of a round nobody has been asked in yet (a new member's first); once the request is out, only the
    /// member's confirmation or a staff extension moves it.
    /// </summary>
    public void ScheduleAttestation(DateTimeOffset dueAt)
    {
        if (AttestationRequestedAt is not null || IsLapsed || IsAlumni || IsErased)
        {
            throw new AccountRuleException($"{FullName} has been asked to confirm already.");
        }

        AttestationDueAt = dueAt;
    }

    /// <summary>Records that this round's request went out; the job calls it once, when the due date has come.</summary>
    public void RecordAttestationRequest(DateTimeOffset now)
    {
        if (AttestationDueAt is not { } due || due > now || AttestationRequestedAt is not null)
        {
            throw new AccountRuleException($"{FullName} is not due to be asked for a confirmation.");
        }

        AttestationRequestedAt = now;
    }

    /// <summary>Records this round's one reminder, sent a grace period after the request.</summary>
    public void RecordAttestationReminder(DateTimeOffset now)
    {
        if (AttestationRequestedAt is null || AttestationRemindedAt is not null)
        {
            throw new AccountRuleException($"{FullName} is not due a reminder.");
        }

        AttestationRemindedAt = now;
    }

    /// <summary>Ends community access (not sign-in) a grace period after the reminder.</summary>
    public void Lapse(DateTimeOffset now)
    {
        if (AttestationRemindedAt is null || IsLapsed || IsAlumni || IsErased)
        {
            throw new AccountRuleException($"{FullName}'s membership cannot lapse now.");
        }

        LapsedAt = now;
    }

    /// <summary>
    /// The member confirms they still hold a security leadership role at the organisation on their profile: the next
    /// round is one period away and a lapsed membership is restored at once. Returns whether it had lapsed.
    /// </summary>
    public bool Attest(DateTimeOffset now, TimeSpan period)
    {
        if (IsAlumni || IsErased || IsSuspended)
        {
            throw new AccountRuleException("This account cannot confirm a membership.");
        }

        var wasLapsed = IsLapsed;
        LastAttestedAt = now;
        StartRound(now + period);
        return wasLapsed;
    }

    /// <summary>Staff move the due date to <paramref name="newDueAt"/> (a reason is required); a lapse ends, the round starts again.</summary>
    public void ExtendAttestation(DateTimeOffset newDueAt, string reason, DateTimeOffset now)
    {
        RequireReason(reason);
        if (IsAlumni || IsErased)
        {
            throw new AccountRuleException($"{FullName} is no longer a member.");
        }

        if (newDueAt <= now || (AttestationDueAt is { } due && newDueAt <= due))
        {
            throw new AccountRuleException("The new due date must be later than today and than the current one.");
        }

        StartRound(newDueAt);
    }

    /// <summary>
    /// The member left their security leadership role and keeps an alumni record: no more sign-in, email, directory
    /// listing or private feed addresses; name, organisation, country, sector and the dates stay for the community's
    /// records. The caller renews the security stamp so the session ends.
    /// </summary>
    public void LeaveMembership(DateTimeOffset now)
    {
        if (IsAlumni || IsErased)
        {
            throw new AccountRuleException("This membership has already ended.");
        }

        LeftAt = now;
        BriefingOptOutAt ??= now;
        WebinarAnnouncementsOptOutAt ??= now;
        ConsultationEmailsOptOutAt ??= now;
        HiddenFromDirectory = true;
        FeedTokenHash = null;
        FeedTokenCreatedAt = null;
        CalendarTokenHash = null;
        PendingEmail = null;
        PendingEmailRequestedAt = null;
        AttestationDueAt = null;
        AttestationRequestedAt = null;
        AttestationRemindedAt = null;
        LapsedAt = null;
    }

    private void StartRound(DateTimeOffset dueAt)
    {
        AttestationDueAt = dueAt;
        AttestationRequestedAt = null;
        AttestationRemindedAt = null;
        LapsedAt = null;
    }

    /// <summary>Marks the address undeliverable (a hard bounce, or too many soft ones); a second mark keeps the first instant and reason.</summary>
    public void MarkUndeliverable(string reason, DateTimeOffset now)
    {
        if (IsUndeliverable)
        {
            return;
        }

        UndeliverableSince = now;
        UndeliverableReason = reason.Length > MaxUndeliverableReasonLength ? reason[..MaxUndeliverableReasonLength] : reason;
        RenewConcurrencyStamp();
    }

    /// <summary>The owner says the address is right (a mailbox that was full, a server that was down): mailings resume.</summary>
    public void ConfirmAddress(DateTimeOffset now)
    {
        if (!IsUndeliverable)
        {
            throw new AccountRuleException("Your address is not marked undeliverable.");
        }

        UndeliverableSince = null;
        UndeliverableReason = null;
        AddressConfirmedAt = now;
        RenewConcurrencyStamp();
    }

    /// <summary>A new address was confirmed: the bounces of the old one say nothing about it.</summary>
    public void ForgetAddressProblem(DateTimeOffset now)
    {
        UndeliverableSince = null;
        UndeliverableReason = null;
        AddressConfirmedAt = now;
    }

    public const int MaxUndeliverableReasonLength = 300;

    /// <summary>
    /// Bounce processing changes the account outside any request of its owner. Identity's store writes whole entities
    /// checked by this stamp: a copy read before the mark then fails to save instead of silently clearing it.
    /// </summary>
    private void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid().ToString();

    [MemberNotNull(nameof(FullName))]
    private void Apply(ProfileDetails details)
    {
        if (details.FullName.Length == 0)
        {
            throw new AccountRuleException("Enter your name.");
        }

        if (new[] { details.FullName, details.JobTitle, details.Organisation }.Any(v => v is { Length: > ProfileDetails.MaxTextLength }))
        {
            throw new AccountRuleException($"Each field may have at most {ProfileDetails.MaxTextLength} characters.");
        }

        FullName = details.FullName;
        JobTitle = details.JobTitle;
        Organisation = details.Organisation;
        CountryCode = details.CountryCode;
        SectorCode = details.SectorCode;
        HiddenFromDirectory = details.HiddenFromDirectory;
    }

    private static string RequireReason(string reason)
    {
        var trimmed = reason.Trim();
        return trimmed.Length switch
        {
            0 => throw new AccountRuleException("Give a reason for the record."),
            > MaxReasonLength => throw new AccountRuleException($"The reason may have at most {MaxReasonLength} characters."),
            _ => trimmed,
        };
    }
}
