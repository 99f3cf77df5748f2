using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Profile;

/// <summary>A person's own profile and email preferences. Profile changes are audited as the person's own action.</summary>
public sealed class ProfileEditor(AppDbContext db, AuditLog audit, ProfileChangeReviews reviews, TimeProvider clock)
{
    public const string UpdateAction = "profile.update";
    public const string AnnouncementsOnAction = "webinar-announcements.subscribe";
    public const string AnnouncementsOffAction = "webinar-announcements.unsubscribe";
    public const string ConsultationEmailsOnAction = "consultation-emails.subscribe";
    public const string ConsultationEmailsOffAction = "consultation-emails.unsubscribe";

    /// <summary>
    /// Saves the details; null when the account is gone. A member's change of organisation, country or sector waits for a
    /// vetter (<see cref="ProfileChangeReviews"/>) while the other fields change at once. Throws
    /// <see cref="ProfileRuleException"/> for an unknown country or sector, or a missing or unreadable website.
    /// </summary>
    public async Task<ProfileChangeOutcome?> SaveAsync(string userId, ProfileDetails details, string? organisationWebsite, CancellationToken cancellationToken)
    {
        if (details.CountryCode is { } country && !await db.Countries.AnyAsync(c => c.Code == country, cancellationToken))
        {
            throw new ProfileRuleException(nameof(ProfileDetails.CountryCode), "Choose a country from the list.");
        }

        if (details.SectorCode is { } sector && !await db.Sectors.AnyAsync(s => s.Code == sector, cancellationToken))
        {
            throw new ProfileRuleException(nameof(ProfileDetails.SectorCode), "Choose a sector from the list.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ProfileDetails applyNow;
        ProfileChangeOutcome outcome;
        IReadOnlyList<string> changed;
        try
        {
            (applyNow, outcome) = await reviews.RouteAsync(user, details, organisationWebsite, cancellationToken);
            changed = user.ChangeProfile(applyNow);
        }
        catch (AccountRuleException ex)
        {
            throw new ProfileRuleException(nameof(ProfileDetails.FullName), ex.Message);
        }
        catch (ProfileReviewRuleException ex)
        {
            throw new ProfileRuleException(ex.Field ?? string.Empty, ex.Message);
        }

        if (changed.Count > 0)
        {
            audit.Record(user.Id, user.UserName ?? user.Id, UpdateAction, SecurityEvents.UserSubject(user.Id), "Changed: " + string.Join(", ", changed) + ".");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Two saves of the profile at once (two tabs): the one-waiting-change index lets only one through.
            throw new ProfileRuleException(nameof(ProfileDetails.Organisation), "Your profile was saved from elsewhere at the same moment. Reload the page and try again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Turns webinar announcement emails on (also after a one-click unsubscribe) or off; false when the account is gone.</summary>
    public async Task<bool> SetWebinarAnnouncementsAsync(string userId, bool receive, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        if (receive == (user.WebinarAnnouncementsOptOutAt is null))
        {
            return true;
        }

        if (receive)
        {
            user.OptInToWebinarAnnouncements();
        }
        else
        {
            user.OptOutOfWebinarAnnouncements(clock.GetUtcNow());
        }

        audit.Record(user.Id, user.UserName ?? user.Id, receive ? AnnouncementsOnAction : AnnouncementsOffAction, SecurityEvents.UserSubject(user.Id));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Turns consultation announcements and reminders on (also after a one-click unsubscribe) or off; false when the account is gone.</summary>
    public async Task<bool> SetConsultationEmailsAsync(string userId, bool receive, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        if (receive == (user.ConsultationEmailsOptOutAt is null))
        {
            return true;
        }

        if (receive)
        {
            user.OptInToConsultationEmails();
        }
        else
        {
            user.OptOutOfConsultationEmails(clock.GetUtcNow());
        }

        audit.Record(user.Id, user.UserName ?? user.Id, receive ? ConsultationEmailsOnAction : ConsultationEmailsOffAction, SecurityEvents.UserSubject(user.Id));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
