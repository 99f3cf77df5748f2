namespace CecPortal.Web.Features.Membership;

public sealed class SubmittedModel : PageModel
{
    public void OnGet()
    {
    }
}
