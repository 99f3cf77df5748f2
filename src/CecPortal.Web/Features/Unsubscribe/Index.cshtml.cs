using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Unsubscribe;

/// <summary>
/// One-click unsubscribe (RFC 8058) from the daily briefing, webinar announcements or consultation emails, whichever list the token names.
/// The POST, from a mail client's button or this page's, unsubscribes without sign-in or antiforgery token: the signed
/// token is the proof. The GET only shows a button, because link scanners open every link in an email.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(UnsubscribeModule.RateLimitPolicy)]
public sealed class IndexModel(OneClickUnsubscribe subscriptions) : PageModel
{
    public bool IsValid { get; private set; }

    public bool Unsubscribed { get; private set; }

    public MailingList List { get; private set; }

    /// <summary>What the email is called in sentences: "the daily briefing", "webinar announcements".</summary>
    public string ListName => List switch
    {
        MailingList.WebinarAnnouncements => "webinar announcements",
        MailingList.Consultations => "consultation emails",
        _ => "the daily briefing",
    };

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var request = await subscriptions.FindAsync(token, cancellationToken);
        IsValid = request is not null;
        List = request?.List ?? MailingList.DailyBriefing;
        return IsValid ? Page() : InvalidLink();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var list = await subscriptions.UnsubscribeAsync(token, cancellationToken);
        IsValid = Unsubscribed = list is not null;
        List = list ?? MailingList.DailyBriefing;
        return IsValid ? Page() : InvalidLink();
    }

    private PageResult InvalidLink()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
