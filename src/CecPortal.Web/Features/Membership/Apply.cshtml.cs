using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CecPortal.Web.Features.Membership;

[AllowAnonymous]
public sealed class ApplyModel : PageModel
{
    public void OnGet()
    {
    }
}
