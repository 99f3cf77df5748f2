using System.Security.Cryptography;
using CecPortal.Web.Features.Admin.Staff;
using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.PersonalData;

/// <summary>
/// Erases an account (GDPR Art. 17), at the person's own request or by an Admin, in one transaction:
/// their applications (with timeline, reviews and pre-check flags), briefing deliveries, webinar places (the first in
/// line is promoted), speaker slots, talk proposals, privacy notice acceptances, webinar announcement records, vetter scope
/// and Identity records (roles, claims, logins, tokens) are deleted; every email queued or kept for their address is
/// deleted; their name and address are replaced in other people's records (timelines, reviews, flags, audit notes) and
/// where they authored breach notices or privacy notice versions; breach notice recipient rows stay, pointing at the tombstone; their audit entries keep only a random pseudonym, with no
/// client address or user agent; the user row stays as a tombstone without personal data (so briefings and decisions
/// they made as staff keep a valid author) that can never sign in, and its security stamp changes, so open sessions end
/// at their next check. One confirmation email is queued to the address before it is erased, and the outbox forgets the
/// address once it is sent. For cause, the address joins the hashed <see cref="EmailBlocklist"/>.
/// </summary>
public sealed class AccountErasure(
    AppDbContext db,
    EmailOutbox outbox,
    EmailBlocklist blocklist,
    OutboxProtection outboxProtection,
    WebinarMail webinarMail,
    SharingErasure sharing,
    AuditLog audit,
    TimeProvider clock,
    ILogger<AccountErasure> logger)
{
    /// <summary>What an erased person's name becomes wherever someone else's record mentioned it.</summary>
    public const string ErasedName = "Erased account";

    /// <summary>The domain of the placeholder sign-in names of erased accounts (RFC 2606: never deliverable).</summary>
    public const string ErasedDomain = "erased.invalid";

    public const int MaxReasonLength = PortalUser.MaxReasonLength;

    /// <summary>The person erases their own account (the page has checked their password). Returns the erasure's pseudonym.</summary>
    public async Task<string> EraseOwnAccountAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        return await EraseAsync(user, actor: null, "Erased at the person's own request.", forCause: false, cancellationToken);
    }

    /// <summary>An Admin erases a member on request, optionally as removed for cause (the address is blocklisted).</summary>
    public async Task<string> EraseByAdminAsync(string userId, string reason, bool forCause, Actor admin, CancellationToken cancellationToken)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxReasonLength)
        {
            throw new AccountRuleException(trimmed.Length == 0 ? "Give a reason for the record." : $"The reason may have at most {MaxReasonLength} characters.");
        }

        if (userId == admin.Id)
        {
            throw new AccountRuleException("Erase your own account from your profile, not from here.");
        }

        var user = await FindAsync(userId, cancellationToken);
        if (forCause && !blocklist.IsConfigured)
        {
            throw new AccountRuleException("The blocklist is not configured (Privacy__BlocklistKey), so nobody can be removed for cause. Erase without it, or ask for the key to be set.");
        }

        var note = forCause ? $"Erased by an Admin, removed for cause (address blocklisted): {trimmed}" : $"Erased by an Admin on request: {trimmed}";
        return await EraseAsync(user, (admin.Id, admin.Name), note, forCause, cancellationToken);
    }

    private async Task<PortalUser> FindAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is { IsErased: false } user
            ? user
            : throw new AccountRuleException("There is no such account, or it was already erased.");

    private async Task<string> EraseAsync(PortalUser user, (string Id, string Name)? actor, string note, bool forCause, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pseudonym = AuditPseudonyms.ErasedAccount();
        var userId = user.Id;
        var email = user.Email ?? string.Empty;
        var normalizedEmail = user.NormalizedEmail ?? email.ToUpperInvariant();
        var userName = user.UserName ?? email;
        var fullName = user.FullName;
        var subject = SecurityEvents.UserSubject(userId);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Under the last-Admin lock: two Admins erasing each other at once must not leave the portal without one.
        await LastAdminRule.LockAsync(db, cancellationToken);
        if (await LastAdminRule.IsLastActiveAdminAsync(db, userId, cancellationToken))
        {
            throw new AccountRuleException(actor is null
                ? "You are the portal's only Admin. Make someone else an Admin before erasing your account."
                : "This account is the portal's only active Admin. Make someone else an Admin first.");
        }

        await GiveUpWebinarPlacesAsync(userId, now, cancellationToken);

        // Mail: nothing queued or kept for the address survives; the confirmation below is the one exception.
        var emailPattern = SearchPattern.Exactly(email);
        await db.OutboundEmails.Where(e => EF.Functions.ILike(e.To, emailPattern, SearchPattern.EscapeCharacter)).ExecuteDeleteAsync(cancellationToken);

        // Their own applications go with everything hanging off them (timeline, reviews, flags: ON DELETE CASCADE).
        await db.MembershipApplications.Where(a => a.MemberUserId == userId || a.NormalizedEmail == normalizedEmail).ExecuteDeleteAsync(cancellationToken);
        await db.MembershipApplications.Where(a => a.SponsorEmail != null && EF.Functions.ILike(a.SponsorEmail, emailPattern, SearchPattern.EscapeCharacter))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SponsorEmail, (string?)null), cancellationToken);

        await db.BriefingDeliveries.Where(d => d.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.MailBounces.Where(b => b.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.WebinarRegistrations.Where(r => r.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.WebinarSpeakers.Where(s => s.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.TalkProposals.Where(p => p.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.VetterCountries.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.VetterSectors.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserPasskeys.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PrivacyAcceptances.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.WebinarAnnouncements.Where(a => a.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ProfileReviews.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        // Submitted consultation answers stay in the results, no longer linked to anyone (nor named); drafts, which count nowhere, go.
        await db.ConsultationResponses.Where(r => r.MemberId == userId && r.SubmittedAt == null).ExecuteDeleteAsync(cancellationToken);
        await db.ConsultationResponses.Where(r => r.MemberId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.MemberId, (string?)null).SetProperty(r => r.Named, false), cancellationToken);
        await sharing.EraseAsync(userId, fullName.Trim().Length >= 4 ? [fullName, email] : [email], ErasedName, now, cancellationToken);

        // Breach notice recipients stay, pointing at the anonymised account row: the notice's page counts queued and
        // delivered emails from these rows, and an Art. 34 notice's reach must stay provable. One still waiting for the
        // job is marked done without an email, so nothing is ever sent to the erased account's placeholder address.
        await db.BreachNoticeRecipients.Where(r => r.UserId == userId && r.QueuedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.QueuedAt, now), cancellationToken);

        // Written only by the authenticator provider's own UPDATE (the entity ignores it after save), so cleared here.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, (long?)null), cancellationToken);

        await ForgetInOtherRecordsAsync(userId, fullName, email, pseudonym, cancellationToken);
        await ForgetAsAuthorAsync([userName, email, fullName], cancellationToken);

        // Audit history stays for accountability, under the pseudonym and without the person's addresses and devices.
        await db.AuditEntries.Where(e => e.ActorId == userId || e.ActorName == userName || e.ActorName == email)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.ActorId, pseudonym).SetProperty(e => e.ActorName, pseudonym)
                    .SetProperty(e => e.IpAddress, (System.Net.IPAddress?)null).SetProperty(e => e.UserAgent, (string?)null),
                cancellationToken);
        await db.AuditEntries.Where(e => e.Subject == subject).ExecuteUpdateAsync(s => s.SetProperty(e => e.Subject, pseudonym), cancellationToken);
        await db.AuditEntries.Where(e => e.Note != null && e.Note.Contains(userId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, e => e.Note!.Replace(userId, pseudonym)), cancellationToken);

        user.Erase($"{pseudonym.Replace(':', '-')}@{ErasedDomain}", ErasedName, now);

        outbox.Add(ConfirmationEmail(email, actor is null));
        if (forCause)
        {
            await blocklist.AddAsync(email, pseudonym, now, cancellationToken);
        }

        if (actor is { } admin)
        {
            audit.Record(admin.Id, admin.Name, SecurityEvents.AccountErased, pseudonym, note);
        }
        else
        {
            // Recorded by hand: the request's address and user agent are the erased person's own.
            db.AuditEntries.Add(new AuditEntry { At = now, ActorId = pseudonym, ActorName = pseudonym, Action = SecurityEvents.AccountErased, Subject = pseudonym, Note = note });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account erased; audit pseudonym {Pseudonym}.", pseudonym);
        return pseudonym;
    }

    /// <summary>Cancels their places in upcoming sessions as a cancellation would, so the first in line gets the place and is told.</summary>
    private async Task GiveUpWebinarPlacesAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessionIds = await db.WebinarRegistrations
            .Where(r => r.MemberId == userId && r.Status == RegistrationStatus.Confirmed)
            .Select(r => r.SessionId)
            .ToListAsync(cancellationToken);
        foreach (var sessionId in sessionIds.Order())
        {
            var session = await WebinarAttendance.LockSessionAsync(db, sessionId, cancellationToken);
            if (!session.IsUpcoming(now))
            {
                continue;
            }

            var change = (await WebinarAttendance.WaitingListAsync(db, session, cancellationToken)).Cancel(userId);
            if (change.Promoted.Count == 0)
            {
                continue;
            }

            var rows = await WebinarAttendance.TrackedRowsAsync(db, sessionId, change.Promoted, cancellationToken);
            WebinarAttendance.Promote(rows, change.Promoted, now);
            await webinarMail.PromotedAsync(session, rows, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Other people's records keep their meaning but lose the person's name and address.</summary>
    private async Task ForgetInOtherRecordsAsync(string userId, string fullName, string email, string pseudonym, CancellationToken cancellationToken)
    {
        await db.ApplicationReviews.Where(r => r.ReviewerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewerName, ErasedName), cancellationToken);
        await db.ProfileReviews.Where(r => r.DecidedById == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedByName, ErasedName), cancellationToken);

        // A very short name would match inside ordinary words; such a name is replaced only where it is the whole value.
        var replaceInText = fullName.Trim().Length >= 4;
        var needles = new[] { email, fullName }.Where(n => n.Trim().Length > 0).Distinct().ToList();
        foreach (var needle in needles)
        {
            await db.ApplicationEvents.Where(e => e.Actor == needle)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, ErasedName), cancellationToken);
            if (!replaceInText && needle == fullName)
            {
                continue;
            }

            await db.ApplicationEvents.Where(e => e.Note != null && e.Note.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, e => e.Note!.Replace(needle, ErasedName)), cancellationToken);
            await db.ApplicationReviews.Where(r => r.Note != null && r.Note.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, r => r.Note!.Replace(needle, ErasedName)), cancellationToken);
            await db.ProfileReviews.Where(r => r.Note != null && r.Note.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, r => r.Note!.Replace(needle, ErasedName)), cancellationToken);
            await db.ApplicationFlags.Where(f => f.Explanation.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Explanation, f => f.Explanation.Replace(needle, ErasedName)), cancellationToken);
            await db.TalkProposals.Where(p => p.DecisionNote != null && p.DecisionNote.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DecisionNote, p => p.DecisionNote!.Replace(needle, ErasedName)), cancellationToken);
            await db.OutboundEmails.Where(e => e.Subject.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Subject, e => e.Subject.Replace(needle, ErasedName)), cancellationToken);
            await db.AuditEntries.Where(e => e.Note != null && e.Note.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, e => e.Note!.Replace(needle, pseudonym)), cancellationToken);
        }

        await ForgetInQueuedBodiesAsync(replaceInText ? needles : [email], cancellationToken);
    }

    /// <summary>
    /// Queued messages to other people that mention the person (an Admin's notice quoting them, say) lose the name and
    /// address. The bodies are encrypted at rest, so the database cannot search them: the unsent messages are read in
    /// batches, decrypted here, and those that mention the person are rewritten. Sent messages keep no bodies, and the
    /// queue is short unless SMTP has been down for a while.
    /// </summary>
    private async Task ForgetInQueuedBodiesAsync(IReadOnlyList<string> needles, CancellationToken cancellationToken)
    {
        const int batchSize = 200;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.OutboundEmails.AsNoTracking()
                .Where(e => e.SentAt == null && e.Id.CompareTo(after) > 0)
                .OrderBy(e => e.Id)
                .Take(batchSize)
                .Select(e => new { e.Id, e.HtmlBody, e.TextBody })
                .ToListAsync(cancellationToken);
            foreach (var queued in batch)
            {
                string? html, text;
                try
                {
                    html = outboxProtection.Unprotect(queued.HtmlBody);
                    text = outboxProtection.Unprotect(queued.TextBody);
                }
                catch (CryptographicException)
                {
                    // Its key is gone: nobody can read it any more, nor send it, so it cannot mention anyone.
                    continue;
                }

                if (!needles.Any(n => html?.Contains(n, StringComparison.Ordinal) == true || text?.Contains(n, StringComparison.Ordinal) == true))
                {
                    continue;
                }

                foreach (var needle in needles)
                {
                    html = html?.Replace(needle, ErasedName, StringComparison.Ordinal);
                    text = text?.Replace(needle, ErasedName, StringComparison.Ordinal);
                }

                var storedHtml = outboxProtection.Protect(html);
                var storedText = outboxProtection.Protect(text);
                await db.OutboundEmails.Where(e => e.Id == queued.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.HtmlBody, storedHtml).SetProperty(e => e.TextBody, storedText), cancellationToken);
            }

            if (batch.Count < batchSize)
            {
                return;
            }

            after = batch[^1].Id;
        }
    }

    /// <summary>
    /// Breach notices and privacy notice versions quote their author's name as it was when they were written (the sign-in
    /// name, usually the address); it becomes <see cref="ErasedName"/>, as for reviewers. The breach notice keeps its
    /// author id, which points at the anonymised account row like a briefing's.
    /// </summary>
    private async Task ForgetAsAuthorAsync(string[] names, CancellationToken cancellationToken)
    {
        var quoted = names.Where(n => n.Trim().Length > 0).Distinct().ToList();
        await db.BreachNotices.Where(n => quoted.Contains(n.CreatedByName))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedByName, ErasedName), cancellationToken);
        await db.PrivacyNotices.Where(n => n.PublishedBy != null && quoted.Contains(n.PublishedBy))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PublishedBy, ErasedName), cancellationToken);
    }

    private static EmailMessage ConfirmationEmail(string email, bool ownRequest) => EmailTemplate.Compose(
        email,
        "Your CISOs European Community account has been erased",
        [
            ownRequest
                ? "As you asked, your account with the CISOs European Community portal has been erased."
                : "At your request, an administrator has erased your account with the CISOs European Community portal.",
            "Your profile, membership application, briefing and webinar records and sign-in details are deleted; our audit log keeps only a pseudonymous reference with no name, address or contact details. You can no longer sign in, and you will receive no further emails from us.",
            "This is the last message we send to this address: once it has been delivered, we keep no record of the address.",
        ]) with
    {
        ForgetRecipientAfterSending = true,
    };
}
