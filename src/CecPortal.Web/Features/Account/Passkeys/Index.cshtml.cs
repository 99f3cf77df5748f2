using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account.Passkeys;

/// <summary>
/// A person's passkeys: add one (password, then the browser's WebAuthn prompt run by wwwroot/js/passkeys.js),
/// rename or remove. The ceremony's first half answers JSON to the script; every other answer is a page.
/// </summary>
[EnableRateLimiting(RateLimiting.Reauthentication)]
public sealed class IndexModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PasskeySettings settings) : PageModel
{
    [BindProperty]
    public PasskeyInput Input { get; set; } = new();

    public IReadOnlyList<PasskeyView> Passkeys { get; private set; } = [];

    /// <summary>The form that was refused (<c>add</c>, or the passkey id of a rename or remove), so only it shows the message.</summary>
    public string? FailedForm { get; private set; }

    public sealed class PasskeyInput
    {
        [StringLength(PasskeySettings.MaxNameLength, ErrorMessage = "Keep the name to 60 characters or fewer.")]
        [PlainText]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Current password")]
        public string? Password { get; set; }

        /// <summary>The browser's <c>PublicKeyCredential</c> as JSON, filled in by the script.</summary>
        [StringLength(64 * 1024)]
        public string? CredentialJson { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input.Name = DefaultName();
        Passkeys = await settings.ListAsync(user);
        return Page();
    }

    /// <summary>
    /// The first half of adding: the password, then the options for <c>navigator.credentials.create</c> as JSON. A
    /// refusal is an answer like a refused form (200, with the field and the message), not a failed request the
    /// browser would log as an error.
    /// </summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var step = await settings.BeginAddAsync(user, Input.Name, Input.Password);
        return step.Succeeded
            ? Content(step.OptionsJson!, "application/json")
            : new JsonResult(new { field = step.ErrorField, error = step.Error });
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var step = await settings.CompleteAddAsync(user, Input.Name, Input.CredentialJson);
        return await AnswerAsync(user, "add", step, $"The passkey \"{Input.Name?.Trim()}\" was added. You can now sign in with it.");
    }

    public async Task<IActionResult> OnPostRenameAsync(string id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var step = await settings.RenameAsync(user, id, Input.Name);
        return await AnswerAsync(user, id, step, "The passkey was renamed.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var step = await settings.RemoveAsync(user, id, Input.Password);
        return await AnswerAsync(user, id, step, "The passkey was removed. It can no longer be used to sign in.");
    }

    private async Task<IActionResult> AnswerAsync(PortalUser user, string form, PasskeyStep step, string done)
    {
        if (step.Succeeded)
        {
            // The session carries the refreshed security stamp; other sessions continue until their next check.
            await signIn.RefreshSignInAsync(user);
            TempData.SetStatusMessage(done);
            return RedirectToPage();
        }

        ModelState.AddModelError(step.ErrorField!, step.Error!);
        FailedForm = form;
        Input.Password = null;
        Input.CredentialJson = null;
        Passkeys = await settings.ListAsync(user);
        return Page();
    }

    private string DefaultName()
    {
        var agent = Request.Headers.UserAgent.ToString();
        var device = agent.Contains("iPhone", StringComparison.Ordinal) ? "iPhone"
            : agent.Contains("iPad", StringComparison.Ordinal) ? "iPad"
            : agent.Contains("Android", StringComparison.Ordinal) ? "Android phone"
            : agent.Contains("Mac OS X", StringComparison.Ordinal) ? "Mac"
            : agent.Contains("Windows", StringComparison.Ordinal) ? "Windows PC"
            : agent.Contains("Linux", StringComparison.Ordinal) ? "Linux computer"
            : "This device";
        return device;
    }
}
