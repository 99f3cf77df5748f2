namespace CecPortal.Web.Features.Membership;

[AllowAnonymous]
public sealed class SubmittedModel : PageModel
{
    public void OnGet()
    {
    }
}
