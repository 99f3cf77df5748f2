using CecPortal.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CecPortal.Web.Features.Webinars;

[Authorize(Policy = Policies.Community)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
