using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Membership.ProfileChanges;

/// <summary>
/// The light re-vetting: a member's change of organisation, country or sector waits for one vetter who covers the new
/// country or the new sector, with pre-check flags computed as for applications. The profile (and so the directory and
/// the channels, which read it) keeps the previous values until a vetter confirms. Every step is audited with the
/// member as subject, so it appears in the member's history.
/// </summary>
public sealed class ProfileChangeReviews(AppDbContext db, AuditLog audit, EmailOutbox outbox, PortalUrls urls, TimeProvider clock)
{
    public const string RequestedAction = "profile-change.requested";
    public const string CancelledAction = "profile-change.cancelled";
    public const string ConfirmedAction = "profile-change.confirmed";
    public const string RefusedAction = "profile-change.refused";

    public const int PageSize = 25;

    /// <summary>How long the member's profile page still shows a refusal (the email keeps it for good).</summary>
    public static readonly TimeSpan RefusalShownFor = TimeSpan.FromDays(30);

    /// <summary>
    /// Routes what the member saved: returns the details to apply now (with the organisation, country and sector left as
    /// they are while a change waits) and what happened to the change. Adds to the unit of work; the caller saves, in a
    /// transaction (a replaced change is saved first here, so the one-pending-per-member index holds).
    /// </summary>
    public async Task<(ProfileDetails ApplyNow, ProfileChangeOutcome Outcome)> RouteAsync(PortalUser user, ProfileDetails requested, string? website, CancellationToken cancellationToken)
    {
        var current = user.Details;
        var now = clock.GetUtcNow();
        var pending = await db.ProfileReviews.SingleOrDefaultAsync(r => r.UserId == user.Id && r.Status == ProfileReviewStatus.Pending, cancellationToken);
        if (!ProfileReview.NeedsReview(current, requested))
        {
            if (pending is null)
            {
                return (requested, ProfileChangeOutcome.None);
            }

            pending.Cancel(now);
            audit.Record(user.Id, user.UserName ?? user.Id, CancelledAction, SecurityEvents.UserSubject(user.Id), "The previous values were saved again; the waiting change is cancelled.");
            return (requested, ProfileChangeOutcome.Cancelled);
        }

        // Staff accounts without the member role were never vetted: their details change at once, as before.
        if (!await db.UsersInRole(Roles.Member).AnyAsync(u => u.Id == user.Id, cancellationToken))
        {
            return (requested, ProfileChangeOutcome.None);
        }

        var keep = requested with { Organisation = current.Organisation, CountryCode = current.CountryCode, SectorCode = current.SectorCode };
        var normalizedWebsite = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
        if (pending is not null && pending.Asks(requested) && (normalizedWebsite is null || normalizedWebsite == pending.OrganisationWebsite))
        {
            return (keep, ProfileChangeOutcome.StillPending);
        }

        var organisationChanges = requested.Organisation != current.Organisation;
        var websiteDomain = normalizedWebsite is null ? null : MembershipApplication.DomainOfWebsite(normalizedWebsite);
        if (organisationChanges && requested.Organisation is not null && normalizedWebsite is null)
        {
            throw new ProfileReviewRuleException("Give your new organisation's website, so that the vetter can check it.", "OrganisationWebsite");
        }

        if (normalizedWebsite is not null && (websiteDomain is null || normalizedWebsite.Length > ProfileReview.MaxWebsiteLength))
        {
            throw new ProfileReviewRuleException("Enter the website as a web address, for example https://www.example.eu.", "OrganisationWebsite");
        }

        if (pending is not null)
        {
            pending.Replace(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        var review = ProfileReview.Request(user.Id, current, requested, normalizedWebsite, await FlagsAsync(user, requested, organisationChanges, websiteDomain, cancellationToken), now);
        db.ProfileReviews.Add(review);
        audit.Record(
            user.Id,
            user.UserName ?? user.Id,
            RequestedAction,
            SecurityEvents.UserSubject(user.Id),
            $"Asked to change the {ProfileChangeText.JoinFields(review.ChangedFields())}; waiting for a vetter{(pending is null ? string.Empty : " (replaces the earlier change)")}.");
        return (keep, ProfileChangeOutcome.Requested);
    }

    /// <summary>The member withdraws their waiting change; false when none waits.</summary>
    public async Task<bool> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        var pending = await db.ProfileReviews.SingleOrDefaultAsync(r => r.UserId == userId && r.Status == ProfileReviewStatus.Pending, cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName }).SingleOrDefaultAsync(cancellationToken);
        if (pending is null || user is null)
        {
            return false;
        }

        pending.Cancel(clock.GetUtcNow());
        audit.Record(userId, user.UserName ?? userId, CancelledAction, SecurityEvents.UserSubject(userId), "The member cancelled the waiting change.");
        await SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>What the member's profile page shows: the waiting change, or a recent refusal not followed by another change.</summary>
    public async Task<(ProfileReview? Pending, ProfileReview? RecentlyRefused)> ForMemberAsync(string userId, CancellationToken cancellationToken)
    {
        var latest = await db.ProfileReviews.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return latest switch
        {
            { Status: ProfileReviewStatus.Pending } => (latest, null),
            { Status: ProfileReviewStatus.Refused, DecidedAt: { } decided } when clock.GetUtcNow() - decided <= RefusalShownFor => (null, latest),
            _ => (null, null),
        };
    }

    /// <summary>Profile changes in the vetter's scope (the NEW country or sector): waiting ones oldest first, decided ones newest first.</summary>
    public async Task<(int Total, IReadOnlyList<ProfileChangeRow> Rows)> QueueAsync(VettingScope scope, ProfileReviewStatus status, int page, CancellationToken cancellationToken)
    {
        var query = InScope(scope).AsNoTracking().Where(r => r.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var ordered = status == ProfileReviewStatus.Pending
            ? query.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            : query.OrderByDescending(r => r.DecidedAt).ThenByDescending(r => r.Id);
        var rows = await ordered
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { Review = r, u.FullName })
            .ToListAsync(cancellationToken);
        return (total, [.. rows.Select(x => new ProfileChangeRow(
            x.Review.Id, x.FullName, x.Review.OldOrganisation, x.Review.NewOrganisation, x.Review.OldCountryCode, x.Review.NewCountryCode,
            x.Review.OldSectorCode, x.Review.NewSectorCode, x.Review.Status, x.Review.RequestedAt, x.Review.DecidedAt, x.Review.DecidedByName,
            [.. x.Review.Flags.Select(f => f.Kind).Order()]))]);
    }

    /// <summary>Waiting changes the vetter may decide (the vetting queue's and the dashboard's count).</summary>
    public Task<int> CountWaitingAsync(VettingScope scope, CancellationToken cancellationToken) =>
        WaitingInScope(db, scope).CountAsync(cancellationToken);

    /// <summary>The waiting changes a vetter may decide, as a query to count inside another (the vetting queue's one statement).</summary>
    public static IQueryable<ProfileReview> WaitingInScope(AppDbContext db, VettingScope scope) =>
        InScope(db, scope).Where(r => r.Status == ProfileReviewStatus.Pending);

    /// <summary>One change, if the vetter's scope covers its new country or sector; null otherwise (the page answers 404).</summary>
    public async Task<ProfileReview?> FindInScopeAsync(Guid id, VettingScope scope, CancellationToken cancellationToken) =>
        await InScope(scope).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The member's profile changes, newest first: the timeline on the review page.</summary>
    public async Task<IReadOnlyList<ProfileReview>> HistoryAsync(string userId, CancellationToken cancellationToken) =>
        await db.ProfileReviews.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(50).ToListAsync(cancellationToken);

    /// <summary>Applies the change to the profile (so the directory and the channels follow), audits it and tells the member.</summary>
    public async Task ConfirmAsync(Guid id, VettingScope scope, Actor vetter, string? note, CancellationToken cancellationToken)
    {
        var (review, user, vetterName) = await LoadForDecisionAsync(id, scope, vetter, cancellationToken);
        review.Confirm(vetter.Id, vetterName, note, clock.GetUtcNow());
        user.ChangeProfile(review.AppliedTo(user.Details));
        var fields = ProfileChangeText.JoinFields(review.ChangedFields());
        audit.Record(vetter, ConfirmedAction, SecurityEvents.UserSubject(user.Id), $"Confirmed the change of {fields}; the profile now shows it.");
        outbox.Add(EmailTemplate.Compose(
            user.Email!,
            "Your profile change is confirmed",
            [
                $"Dear {user.FullName},",
                $"A vetter has confirmed the change of {fields} on your profile. The member directory and your sector and country channels now follow it.",
            ],
            ("Open my profile", urls.Absolute("/profile#details"))));
        await SaveAsync(cancellationToken);
    }

    /// <summary>Leaves the profile as it is, audits the refusal and tells the member why.</summary>
    public async Task RefuseAsync(Guid id, VettingScope scope, Actor vetter, string reason, string? note, CancellationToken cancellationToken)
    {
        var (review, user, vetterName) = await LoadForDecisionAsync(id, scope, vetter, cancellationToken);
        review.Refuse(vetter.Id, vetterName, reason, note, clock.GetUtcNow());
        var fields = ProfileChangeText.JoinFields(review.ChangedFields());
        audit.Record(vetter, RefusedAction, SecurityEvents.UserSubject(user.Id), $"Refused the change of {fields}; the profile keeps the previous values.");
        outbox.Add(EmailTemplate.Compose(
            user.Email!,
            "Your profile change was not confirmed",
            [
                $"Dear {user.FullName},",
                $"A vetter could not confirm the change of {fields} on your profile, so it keeps the previous values. The vetter's reason:",
                review.RefusalReason!,
                "You can ask for the change again on your profile, with details that help the vetter confirm it.",
            ],
            ("Open my profile", urls.Absolute("/profile#details"))));
        await SaveAsync(cancellationToken);
    }

    private IQueryable<ProfileReview> InScope(VettingScope scope) => InScope(db, scope);

    private static IQueryable<ProfileReview> InScope(AppDbContext db, VettingScope scope)
    {
        if (scope.IsAdmin)
        {
            return db.ProfileReviews;
        }

        var countries = scope.Countries.ToList();
        var sectors = scope.Sectors.ToList();
        return db.ProfileReviews.Where(r => (r.NewCountryCode != null && countries.Contains(r.NewCountryCode)) || (r.NewSectorCode != null && sectors.Contains(r.NewSectorCode)));
    }

    /// <summary>The change (in scope), its member, and the vetter's full name as the timeline shows it.</summary>
    private async Task<(ProfileReview Review, PortalUser User, string VetterName)> LoadForDecisionAsync(Guid id, VettingScope scope, Actor vetter, CancellationToken cancellationToken)
    {
        var review = await InScope(scope).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new ProfileReviewRuleException("There is no such profile change in your scope.");
        var user = await db.Users.SingleAsync(u => u.Id == review.UserId, cancellationToken);
        var vetterName = await db.Users.Where(u => u.Id == vetter.Id).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) ?? vetter.Name;
        return (review, user, vetterName);
    }

    private async Task<IReadOnlyList<ProfileReviewFlag>> FlagsAsync(PortalUser user, ProfileDetails requested, bool organisationChanges, string? websiteDomain, CancellationToken cancellationToken)
    {
        var flags = new List<PreCheckFlag>();
        var emailDomain = MembershipApplication.DomainOfEmail(user.Email ?? string.Empty);
        var isFreeMail = await db.FreeMailDomains.AnyAsync(d => d.Domain == emailDomain, cancellationToken);

        // The address is compared with the new organisation only when it changes; a free-mail address is flagged always.
        if ((organisationChanges && requested.Organisation is not null) || isFreeMail)
        {
            if (PreChecks.EmailDomainFlag(emailDomain, websiteDomain, isFreeMail) is { } emailFlag)
            {
                flags.Add(emailFlag);
            }
        }

        if (requested.CountryCode is { } countryCode && countryCode != user.CountryCode)
        {
            var country = await db.Countries.AsNoTracking().Where(c => c.Code == countryCode).Select(c => new { c.Name, c.IsEligible }).SingleAsync(cancellationToken);
            if (!country.IsEligible)
            {
                flags.Add(PreChecks.CountryFlag(country.Name));
            }
        }

        if (requested.JobTitle is { } jobTitle && !PreChecks.LooksLikeSecurityLeadership(jobTitle))
        {
            flags.Add(PreChecks.JobTitleFlag(jobTitle));
        }

        return [.. flags.Select(f => new ProfileReviewFlag { Kind = f.Kind, Explanation = f.Explanation })];
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ProfileReviewRuleException("Someone else changed this profile change at the same moment. Reload the page and try again.");
        }
    }
}
