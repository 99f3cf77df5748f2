using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class ResetPasswordModel(UserManager<PortalUser> users, PasswordChanges passwords) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = string.Empty;

        [Required]
        public string Code { get; set; } = string.Empty;
    }

    /// <summary>The link opened has no code: the page says how to get a new one instead of showing the form.</summary>
    public bool LinkIncomplete { get; private set; }

    public IActionResult OnGet(string? code, string? email)
    {
        if (string.IsNullOrEmpty(code))
        {
            // A link cut short (a mail client that wraps lines): say so on a page, not in bare text.
            LinkIncomplete = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Input = new InputModel { Code = code, Email = email ?? string.Empty };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        var token = AccountEmails.Decode(Input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, "This link is not valid for that email address. Ask for a new link.");
            return Page();
        }

        var result = await passwords.ResetAsync(user, token, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.NewPassword" : string.Empty, error.Code == "InvalidToken" ? "This link has expired or was already used. Ask for a new link." : error.Description);
            }

            return Page();
        }

        TempData.SetStatusMessage("Your password has been set. You can sign in now.");
        return Redirect("/account/login");
    }
}
