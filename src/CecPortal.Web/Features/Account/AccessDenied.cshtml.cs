namespace CecPortal.Web.Features.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
