using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>"Send me a test email": the briefing as members will get it, to the editor alone, through the outbox.</summary>
public sealed class BriefingTestEmail(AppDbContext db, BriefingEmail email, EmailOutbox outbox)
{
    public const string SubjectPrefix = "[TEST] ";

    /// <summary>Queues the test email; throws <see cref="BriefingRuleException"/> (message for the editor) when it cannot.</summary>
    public async Task<Guid> SendAsync(Guid briefingId, string editorUserId, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == briefingId, cancellationToken)
            ?? throw new BriefingRuleException("There is no such briefing.");
        if (!briefing.Tlp.MayBeEmailed())
        {
            throw new BriefingRuleException($"A {briefing.Tlp.Display()} briefing is never emailed, not even as a test: read it on the portal.");
        }

        var editor = await db.Users.AsNoTracking()
            .Where(u => u.Id == editorUserId)
            .Select(u => new { u.Id, u.Email, u.FullName, u.EmailConfirmed })
            .SingleOrDefaultAsync(cancellationToken);
        if (editor is not { EmailConfirmed: true, Email: not null })
        {
            throw new BriefingRuleException("Your account has no confirmed email address to send the test to.");
        }

        var template = email.Render(briefing);
        var recipient = new BriefingRecipient(editor.Id, editor.Email, editor.FullName);
        var unsubscribeUrl = template.UnsubscribeUrl(editor.Id);
        return await outbox.QueueAsync(
            new EmailMessage(editor.Email, SubjectPrefix + template.Subject, template.Html(recipient, unsubscribeUrl), template.Text(recipient, unsubscribeUrl)),
            cancellationToken);
    }
}
