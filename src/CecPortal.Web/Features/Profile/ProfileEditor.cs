using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Profile;

/// <summary>A person's own profile and email preferences. Profile changes are audited as the person's own action.</summary>
public sealed class ProfileEditor(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string UpdateAction = "profile.update";
    public const string AnnouncementsOnAction = "webinar-announcements.subscribe";
    public const string AnnouncementsOffAction = "webinar-announcements.unsubscribe";
    public const string ConsultationEmailsOnAction = "consultation-emails.subscribe";
    public const string ConsultationEmailsOffAction = "consultation-emails.unsubscribe";

    /// <summary>Saves the details; false when the account is gone. Throws <see cref="ProfileRuleException"/> for an unknown country or sector.</summary>
    public async Task<bool> SaveAsync(string userId, ProfileDetails details, CancellationToken cancellationToken)
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
            return false;
        }

        IReadOnlyList<string> changed;
        try
        {
            changed = user.ChangeProfile(details);
        }
        catch (AccountRuleException ex)
        {
            throw new ProfileRuleException(nameof(ProfileDetails.FullName), ex.Message);
        }

        if (changed.Count > 0)
        {
            audit.Record(user.Id, user.UserName ?? user.Id, UpdateAction, SecurityEvents.UserSubject(user.Id), "Changed: " + string.Join(", ", changed) + ".");
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
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
