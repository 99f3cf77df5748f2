using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CecPortal.Web.Features.Membership;

[AllowAnonymous]
public sealed class SubmittedModel : PageModel
{
    public void OnGet()
    {
    }
}
