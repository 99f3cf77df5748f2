namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>Shows new recovery codes once: they travel in (encrypted) TempData from the change and are read here.</summary>
public sealed class RecoveryCodesModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account/security";

    public IActionResult OnGet()
    {
        if (TempData[SecurityModel.RecoveryCodesKey] is not string[] codes || codes.Length == 0)
        {
            return Redirect("/account/security");
        }

        Codes = codes;
        return Page();
    }
}
