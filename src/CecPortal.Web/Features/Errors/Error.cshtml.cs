using System.Diagnostics;

namespace CecPortal.Web.Features.Errors;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The portal could not complete your request. Please try again in a moment.";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            // A bare 400 on a POST is the antiforgery check: a form left open past its token, or sent from elsewhere.
            400 when HttpMethods.IsPost(Request.Method) => (
                "The form could not be accepted",
                "The page was open for a long time, or the form did not come from this portal, so nothing was saved. Go back, reload the page and send the form again."),
            403 => ("Access denied", "Your account does not have access to this page. If you believe it should, please contact the portal staff."),
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            429 => ("Too many requests", "You have sent too many requests in a short time. Please wait a minute and try again."),
            503 when HttpMethods.IsPost(Request.Method) => (
                "The portal could not save this just now — please try again",
                "The database did not answer, so nothing you sent was saved. Go back, check your entries and send the form again in a moment."),
            503 => ("The portal is unavailable just now", "The database did not answer. Please try again in a moment."),
            _ => (Title, Explanation),
        };
        if (code is null or >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
