namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// Who a consultation invites: active members (role Member, not suspended, not erased) whose profile sector and
/// country match its audience. The same rule decides who may answer and who gets its emails.
/// </summary>
public sealed class ConsultationAudience(AppDbContext db)
{
    /// <summary>The members a consultation with these audience lists invites, as a query to refine further.</summary>
    public IQueryable<PortalUser> Members(IReadOnlyList<string> sectors, IReadOnlyList<string> countries)
    {
        var members = db.UsersInRole(Roles.Member).InGoodStanding().Where(u => u.ErasedAt == null);
        if (sectors.Count > 0)
        {
            members = members.Where(u => u.SectorCode != null && sectors.Contains(u.SectorCode));
        }

        if (countries.Count > 0)
        {
            members = members.Where(u => u.CountryCode != null && countries.Contains(u.CountryCode));
        }

        return members;
    }

    /// <summary>Whether <paramref name="userId"/> is an active member invited by <paramref name="consultation"/>.</summary>
    public Task<bool> InvitesAsync(Consultation consultation, string userId, CancellationToken cancellationToken) =>
        Members(consultation.AudienceSectors, consultation.AudienceCountries).AnyAsync(u => u.Id == userId, cancellationToken);

    /// <summary>Members of the audience who get consultation emails: a confirmed address that does not bounce, and the emails not turned off.</summary>
    public IQueryable<PortalUser> Recipients(Consultation consultation) =>
        Members(consultation.AudienceSectors, consultation.AudienceCountries)
            .Where(u => u.EmailConfirmed && u.Email != null && u.ConsultationEmailsOptOutAt == null)
            .Deliverable();
}
