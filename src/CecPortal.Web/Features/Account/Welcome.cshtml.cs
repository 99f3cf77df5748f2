namespace CecPortal.Web.Features.Account;

/// <summary>A newly approved member chooses their first password from the link in the welcome email.</summary>
public sealed class WelcomeModel(UserManager<PortalUser> users, PasswordChanges passwords) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel : NewPasswordInput
    {
        [Required]
        public string UserId { get; set; } = string.Empty;

        [Required]
        public string Code { get; set; } = string.Empty;
    }

    public string? Name { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(code))
        {
            return NotFound();
        }

        Name = user.FullName;
        Input = new InputModel { UserId = user.Id, Code = code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrEmpty(Input.UserId) ? null : await users.FindByIdAsync(Input.UserId);
        if (user is null)
        {
            return NotFound();
        }

        Name = user.FullName;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountEmails.Decode(Input.Code);
        if (token is null || await users.HasPasswordAsync(user)
            || !await users.VerifyUserTokenAsync(user, WelcomeTokenProvider.ProviderName, WelcomeTokenProvider.Purpose, token))
        {
            ModelState.AddModelError(string.Empty, "This welcome link has expired or was already used. Use \"Forgot your password?\" on the sign-in page to get a new link.");
            return Page();
        }

        var result = await passwords.SetFirstAsync(user, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.NewPassword", error.Description);
            }

            return Page();
        }

        TempData.SetStatusMessage("Your password is set. Welcome to the community: please sign in.");
        return Redirect("/account/login");
    }
}
