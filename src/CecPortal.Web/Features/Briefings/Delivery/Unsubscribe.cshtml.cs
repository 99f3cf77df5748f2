using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// One-click unsubscribe (RFC 8058). The POST, from a mail client's button or this page's, unsubscribes without
/// sign-in or antiforgery token: the signed token is the proof. The GET only shows a button, because link
/// scanners open every link in an email.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(BriefingDeliverySetup.UnsubscribeRateLimit)]
public sealed class UnsubscribeModel(OneClickUnsubscribe subscriptions) : PageModel
{
    public bool IsValid { get; private set; }

    public bool Unsubscribed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        IsValid = await subscriptions.FindMemberAsync(token, cancellationToken) is not null;
        return IsValid ? Page() : InvalidLink();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        IsValid = Unsubscribed = await subscriptions.UnsubscribeAsync(token, cancellationToken);
        return IsValid ? Page() : InvalidLink();
    }

    private PageResult InvalidLink()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
