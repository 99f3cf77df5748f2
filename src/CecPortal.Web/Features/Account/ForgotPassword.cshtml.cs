using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class ForgotPasswordModel(AfterResponse afterResponse) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The lookup and the email come after the response: the same answer, in the same time, whether or not the
        // account exists, so the page cannot be used to discover members.
        var email = Input.Email;
        afterResponse.Run<AccountEmailRequests>(Response, requests => requests.SendPasswordResetAsync(email));
        return RedirectToPage(new { sent = true });
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "An email address has at most 256 characters.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;
}
