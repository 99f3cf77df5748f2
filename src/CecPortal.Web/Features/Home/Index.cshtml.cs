namespace CecPortal.Web.Features.Home;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
