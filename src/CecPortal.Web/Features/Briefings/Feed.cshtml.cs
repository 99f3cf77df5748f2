namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// The members' Atom feed. Feed readers cannot sign in, so the secret token in the address is the only credential:
/// unknown, replaced or revoked tokens, and tokens of suspended accounts or accounts without a reader role, answer 404.
/// </summary>
public sealed class FeedModel(BriefingSubscription subscriptions, BriefingFeed feed) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        if (!await subscriptions.FeedTokenIsValidAsync(token, cancellationToken))
        {
            return NotFound();
        }

        return File(await feed.WriteAsync(cancellationToken), BriefingFeed.ContentType);
    }
}
