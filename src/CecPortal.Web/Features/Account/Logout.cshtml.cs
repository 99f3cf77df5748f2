namespace CecPortal.Web.Features.Account;

public sealed class LogoutModel(SignInManager<PortalUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        TempData.SetStatusMessage("You have been signed out.");
        return Redirect("/");
    }
}
