using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Markdown;
using MimeKit;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Composes the morning email. <see cref="Render"/> does the expensive part (layout, body, vulnerability table)
/// once per briefing revision; the template then only fills in each recipient's name and unsubscribe link.
/// </summary>
public sealed class BriefingEmail(PortalUrls urls, UnsubscribeTokens tokens, DkimSigning dkim, MarkdownRenderer markdown, IOptions<EmailOptions> emailOptions)
{
    public const string UnsubscribePath = UnsubscribeTokens.LinkPath;

    /// <summary>The subject, TLP label first: <c>[TLP:AMBER] CEC daily briefing 25 Nov 2026: title</c>.</summary>
    public static string Subject(Briefing briefing) =>
        $"[{briefing.Tlp.Display()}] CEC daily briefing {briefing.EditionDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}: {briefing.Title}";

    /// <summary>
    /// The same Message-ID for every send of one briefing to one member, so that a mail client folds a
    /// duplicate (the one message that may be in flight when a sender crashes) into the first copy.
    /// </summary>
    public static string MessageId(Guid briefingId, string memberId, string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "cec.example";
        return $"briefing.{briefingId:N}.{memberId}@{domain}";
    }

    /// <summary>Where members read the briefing in the browser.</summary>
    public static string PortalPath(Briefing briefing) => $"/briefings/{briefing.EditionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Renders the briefing once; refuses TLP:RED, which is never emailed.</summary>
    public BriefingEmailTemplate Render(Briefing briefing)
    {
        if (!briefing.Tlp.MayBeEmailed())
        {
            throw new BriefingRuleException($"A {briefing.Tlp.Display()} briefing is never emailed: members read it on the portal only.");
        }

        var options = emailOptions.Value;
        var subject = Subject(briefing);
        var portalUrl = urls.Absolute(PortalPath(briefing));
        var profileUrl = urls.Absolute("/profile");

        // The stored body again through today's rules: one saved before remote images became links keeps none.
        var html = BriefingEmailLayout.Html(briefing, markdown.Sanitize(briefing.BodyHtml), subject, portalUrl, profileUrl);
        return new BriefingEmailTemplate(
            briefing.Id,
            subject,
            html,
            EmailShell.TextWithLinksOf(html, BriefingEmailLayout.Text(briefing, portalUrl, profileUrl)),
            urls.Absolute(UnsubscribePath),
            new MailboxAddress(options.FromName, options.FromAddress),
            tokens,
            dkim);
    }
}
