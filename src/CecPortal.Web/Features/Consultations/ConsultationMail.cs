using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// The announcement of an opened consultation and the reminder before its deadline, one email per member through the
/// outbox, in the caller's unit of work. Each carries a one-click unsubscribe link for consultation emails and says
/// the consultation's mode, so a member knows before answering whether staff may ever see their name.
/// </summary>
public sealed class ConsultationMail(AppDbContext db, ConsultationAudience audience, EmailOutbox outbox, UnsubscribeTokens tokens, PortalUrls urls)
{
    /// <summary>Adds the announcement for every recipient in the audience; returns how many.</summary>
    public async Task<int> AnnounceAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(audience.Recipients(consultation), cancellationToken);
        foreach (var member in recipients)
        {
            outbox.Add(Compose(consultation, member, reminder: false));
        }

        return recipients.Count;
    }

    /// <summary>Adds the reminder for every recipient who has not submitted (a draft counts as not answered); returns how many.</summary>
    public async Task<int> RemindAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        var submitted = db.ConsultationResponses.Where(r => r.ConsultationId == consultation.Id && r.SubmittedAt != null);
        var recipients = await RecipientsAsync(
            audience.Recipients(consultation).Where(u => !submitted.Any(r => r.MemberId == u.Id)),
            cancellationToken);
        foreach (var member in recipients)
        {
            outbox.Add(Compose(consultation, member, reminder: true));
        }

        return recipients.Count;
    }

    private static async Task<List<Recipient>> RecipientsAsync(IQueryable<PortalUser> users, CancellationToken cancellationToken) =>
        await users.AsNoTracking().OrderBy(u => u.Id).Select(u => new Recipient(u.Id, u.Email!, u.FullName)).ToListAsync(cancellationToken);

    private EmailMessage Compose(Consultation consultation, Recipient member, bool reminder)
    {
        var unsubscribeUrl = urls.Absolute(UnsubscribeTokens.LinkPath + tokens.Create(member.Id, MailingList.Consultations));
        var deadline = consultation.Deadline.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        List<string> lines =
        [
            $"Dear {member.FullName},",
            reminder
                ? $"The community's consultation \"{consultation.Title}\" closes on {deadline}, and you have not submitted your answers yet. A draft you saved is kept until then."
                : $"The community is consulting its members on \"{consultation.Title}\", for {consultation.Institution} ({consultation.Act}).",
            $"Answering takes a few minutes. You can save a draft and change your answers until {deadline}.",
            consultation.Mode == ConsultationMode.Anonymous
                ? "This consultation is anonymous: staff never see who answered what, only results for groups of members large enough that no one can be singled out."
                : "This consultation is attributed: you may choose to let staff see your name with your answers (for example when the institution wants named experts); if you do not, your answers count anonymously.",
            $"You receive this because consultation emails are on in your profile. To stop them, open {unsubscribeUrl} or switch them off on your profile.",
        ];
        var subject = reminder ? $"Reminder: consultation \"{consultation.Title}\" closes soon" : $"New consultation: {consultation.Title}";
        var message = EmailTemplate.Compose(member.Email, subject, lines, ("Read and answer", urls.Absolute(ConsultationPaths.Consultation(consultation.Id))));
        return message with { ListUnsubscribeUrl = unsubscribeUrl };
    }

    private sealed record Recipient(string Id, string Email, string FullName);
}
