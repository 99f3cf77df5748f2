using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Membership.Attestation;

/// <summary>
/// Membership over time: the yearly confirmation of the member's role (request, one reminder, lapse), the member's
/// one-click confirmation, a staff extension of the due date, and leaving with an alumni record. Every step is audited
/// with the member as subject, so it shows in the member's history for staff. Each account change is saved through
/// the user manager (new concurrency stamp), so a page open at the same moment cannot write back stale fields.
/// A lapse or a restoration keeps the security stamp: the stamp check re-reads the account's claims every minute
/// anyway, so open sessions learn of it within a minute and stay signed in (a lapsed member is meant to be able to
/// confirm); only leaving renews the stamp, which ends every session.
/// </summary>
public sealed class MembershipAttestation(
    AppDbContext db,
    UserManager<PortalUser> users,
    AuditLog audit,
    EmailOutbox outbox,
    PortalUrls urls,
    IOptions<MembershipOptions> options,
    TimeProvider clock)
{
    public const string ActorName = "Membership attestations (system)";
    public const string RequestedAction = "membership.attestation-requested";
    public const string RemindedAction = "membership.attestation-reminded";
    public const string LapsedAction = "membership.lapsed";
    public const string AttestedAction = "membership.attested";
    public const string ExtendedAction = "membership.attestation-extended";
    public const string LeftAction = "membership.left";
    public const int MaxExtensionDays = 365;

    private TimeSpan Period => options.Value.AttestationPeriod;

    private TimeSpan Grace => options.Value.AttestationGrace;

    /// <summary>The step a member is at, for the pages and the member list.</summary>
    public enum Stage
    {
        NotScheduled,
        Current,
        Due,
        Reminded,
        Lapsed,
        Alumni,
    }

    public static Stage StageOf(DateTimeOffset? dueAt, DateTimeOffset? remindedAt, DateTimeOffset? lapsedAt, DateTimeOffset? leftAt, DateTimeOffset now) =>
        leftAt is not null ? Stage.Alumni
        : lapsedAt is not null ? Stage.Lapsed
        : remindedAt is not null ? Stage.Reminded
        : dueAt is null ? Stage.NotScheduled
        : dueAt <= now ? Stage.Due
        : Stage.Current;

    /// <summary>When a round that has not been answered lapses, counted from the due date (the job waits a grace after each email).</summary>
    public DateTimeOffset LapsesAround(DateTimeOffset dueAt) => dueAt + Grace + Grace;

    /// <summary>
    /// One pass of the daily job: schedules members who have no due date yet, then takes each member who is due one
    /// step (request, reminder or lapse) under their row lock. Each step is stamped on the account in the same save as
    /// its email and audit entry, so a second run, or two at once, repeats nothing. Returns how many steps were taken.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await ScheduleNewMembersAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var before = now - Grace;
        var ids = await Attesting()
            .Where(u => u.LapsedAt == null
                && ((u.AttestationDueAt <= now && u.AttestationRequestedAt == null)
                    || (u.AttestationRequestedAt <= before && u.AttestationRemindedAt == null)
                    || u.AttestationRemindedAt <= before))
            .OrderBy(u => u.AttestationDueAt).ThenBy(u => u.Id)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var steps = 0;
        foreach (var id in ids)
        {
            steps += await StepAsync(id, cancellationToken) ? 1 : 0;
        }

        return steps;
    }

    /// <summary>The member confirms their role: the next round is a period away, and a lapse ends in this same save.</summary>
    public async Task<PortalUser> ConfirmAsync(string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await LockAsync(userId, cancellationToken) ?? throw new AccountRuleException("There is no such member.");
        if (!await users.IsInRoleAsync(user, Roles.Member))
        {
            throw new AccountRuleException("Only members confirm their role; staff accounts have nothing to confirm.");
        }

        var wasLapsed = user.Attest(clock.GetUtcNow(), Period);
        audit.Record(user.Id, user.UserName ?? user.Id, AttestedAction, SecurityEvents.UserSubject(user.Id),
            wasLapsed ? "Confirmed the role; the lapsed membership is restored" : "Confirmed the role");
        await SaveAsync(user, renewStamp: false);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Staff move the member's due date <paramref name="days"/> days past today or the current due date, whichever is later.</summary>
    public async Task<DateTimeOffset> ExtendAsync(string userId, int days, string reason, Actor actor, CancellationToken cancellationToken)
    {
        if (days is < 1 or > MaxExtensionDays)
        {
            throw new AccountRuleException($"Extend by 1 to {MaxExtensionDays} days.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await LockAsync(userId, cancellationToken);
        if (user is null || user.IsErased || !await users.IsInRoleAsync(user, Roles.Member))
        {
            throw new AccountRuleException("There is no such member.");
        }

        var now = clock.GetUtcNow();
        var from = user.AttestationDueAt is { } due && due > now ? due : now;
        var newDue = from.AddDays(days);
        var wasLapsed = user.IsLapsed;
        user.ExtendAttestation(newDue, reason, now);
        audit.Record(actor, ExtendedAction, SecurityEvents.UserSubject(user.Id),
            $"Due {Day(newDue)}{(wasLapsed ? "; lapse lifted" : string.Empty)}: {reason.Trim()}");
        await SaveAsync(user, renewStamp: false);
        await transaction.CommitAsync(cancellationToken);
        return newDue;
    }

    /// <summary>
    /// The member leaves their role and keeps an alumni record (see <see cref="PortalUser.LeaveMembership"/>); staff
    /// accounts cannot, as the alumni record cannot sign in. The new security stamp ends every session.
    /// </summary>
    public async Task LeaveAsync(string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await LockAsync(userId, cancellationToken) ?? throw new AccountRuleException("There is no such member.");
        var roles = await users.GetRolesAsync(user);
        if (!roles.Contains(Roles.Member))
        {
            throw new AccountRuleException("Only members can leave the membership.");
        }

        if (roles.Any(Roles.Staff.Contains))
        {
            throw new AccountRuleException("Your account also holds a staff role. Ask an Admin to remove it first, then leave.");
        }

        user.LeaveMembership(clock.GetUtcNow());
        audit.Record(user.Id, user.UserName ?? user.Id, LeftAction, SecurityEvents.UserSubject(user.Id), "Left the role; alumni record kept");
        await SaveAsync(user, renewStamp: true);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Accounts in the Member role that still attest: not erased, suspended or alumni.</summary>
    private IQueryable<PortalUser> Attesting() =>
        db.UsersInRole(Roles.Member).ActiveMembers().Where(u => u.ErasedAt == null);

    /// <summary>
    /// A member without a due date (new since the last run, or restored) is due a period after joining; if that is
    /// already past, one grace period from now, so nobody is asked on the day the feature arrives and lapses at once.
    /// </summary>
    private async Task ScheduleNewMembersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var unscheduled = await Attesting().Where(u => u.AttestationDueAt == null).ToListAsync(cancellationToken);
        foreach (var user in unscheduled)
        {
            var due = user.CreatedAt + Period;
            user.ScheduleAttestation(due > now ? due : now + Grace);
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<bool> StepAsync(string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var user = await LockAsync(userId, cancellationToken);
        if (user is null || user.IsErased || user.IsSuspended || user.IsAlumni || user.IsLapsed || user.AttestationDueAt is not { } due)
        {
            return false;
        }

        var subject = SecurityEvents.UserSubject(user.Id);
        var lapseAt = now + Grace;
        if (user.AttestationRemindedAt <= now - Grace)
        {
            user.Lapse(now);
            audit.Record(null, ActorName, LapsedAction, subject, "Not confirmed after the request and the reminder");
            Email(user, Lapsed(user));
        }
        else if (user.AttestationRequestedAt <= now - Grace && user.AttestationRemindedAt is null)
        {
            user.RecordAttestationReminder(now);
            audit.Record(null, ActorName, RemindedAction, subject, "Reminder sent");
            Email(user, Request(user, lapseAt, reminder: true));
        }
        else if (due <= now && user.AttestationRequestedAt is null)
        {
            user.RecordAttestationRequest(now);
            audit.Record(null, ActorName, RequestedAction, subject, "Confirmation requested");
            Email(user, Request(user, lapseAt + Grace, reminder: false));
        }
        else
        {
            return false;
        }

        await SaveAsync(user, renewStamp: false);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private Task<PortalUser?> LockAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.FromSql($"""SELECT * FROM "AspNetUsers" WHERE "Id" = {userId} FOR UPDATE""").SingleOrDefaultAsync(cancellationToken);

    /// <summary>Saves the unit of work (account, audit entry, email) through the user manager, with a new stamp when access changes.</summary>
    private async Task SaveAsync(PortalUser user, bool renewStamp)
    {
        var result = renewStamp ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new AccountRuleException(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? "The account changed at the same moment. Reload the page and try again."
                : string.Join(' ', result.Errors.Select(e => e.Description)));
        }
    }

    private void Email(PortalUser user, Func<string, EmailMessage> compose)
    {
        // An address not confirmed (or none) gets no email; the banner still asks at the next sign-in.
        if (user is { Email: { } email, EmailConfirmed: true })
        {
            outbox.Add(compose(email));
        }
    }

    private Func<string, EmailMessage> Request(PortalUser user, DateTimeOffset lapsesOn, bool reminder) => to =>
    {
        var organisation = user.Organisation is { } org ? $"at {org}" : "at the organisation on your profile";
        return EmailTemplate.Compose(
            to,
            reminder ? "Reminder: please confirm your CEC membership" : "Please confirm your CEC membership",
            [
                $"Dear {user.FullName},",
                $"Once a year we ask every member to confirm that they still hold a security leadership role {organisation}. It keeps the community what it promises to be: CISOs, vetted and current.",
                "It takes one click. If your role, organisation, country or sector has changed, update your profile instead.",
                $"If we do not hear from you by {Day(lapsesOn)}, your membership lapses: you can still sign in and confirm, but you will not receive the briefing or see the community until you do.",
            ],
            ("Confirm my membership", urls.Absolute(AttestationPaths.Attest)));
    };

    private Func<string, EmailMessage> Lapsed(PortalUser user) => to => EmailTemplate.Compose(
        to,
        "Your CEC membership has lapsed",
        [
            $"Dear {user.FullName},",
            "We asked you twice to confirm that you still hold a security leadership role, and did not hear from you, so your membership has lapsed: the briefing, the channels and the directory are paused for you.",
            "Sign in and confirm in one click to get everything back at once. If you have left your role, you can end your membership from the same page.",
        ],
        ("Confirm my membership", urls.Absolute(AttestationPaths.Attest)));

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
