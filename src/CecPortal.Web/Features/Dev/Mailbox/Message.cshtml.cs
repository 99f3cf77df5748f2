namespace CecPortal.Web.Features.Dev.Mailbox;

public sealed class MessageModel(DevMailbox mailbox) : PageModel
{
    public string Id { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public string From { get; private set; } = string.Empty;

    public string To { get; private set; } = string.Empty;

    public DateTimeOffset Date { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public bool HasHtml { get; private set; }

    public IReadOnlyList<string> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        using var message = await mailbox.OpenAsync(id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        Id = id;
        Subject = message.Subject ?? "(no subject)";
        From = message.From.ToString();
        To = message.To.ToString();
        Date = message.Date;
        Text = message.TextBody ?? string.Empty;
        HasHtml = message.HtmlBody is not null;
        Links = DevMailbox.LinksIn(message);
        return Page();
    }

    /// <summary>The HTML body on its own, for the sandboxed frame: no scripts, links open on a click.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(string id, CancellationToken cancellationToken)
    {
        using var message = await mailbox.OpenAsync(id, cancellationToken);
        if (message?.HtmlBody is null)
        {
            return NotFound();
        }

        // The one response the portal lets a page frame: its own mailbox page, never another site.
        Response.Headers.ContentSecurityPolicy = "sandbox allow-popups allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(message.HtmlBody, "text/html; charset=utf-8");
    }
}
