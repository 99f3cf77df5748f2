namespace CecPortal.Web.Features.Admin.Staff;

/// <summary>Adds a staff member by email: promotes an existing account (a member), or creates one and emails a welcome link.</summary>
public sealed class NewModel(StaffAdministration staff) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "The email address may have at most {1} characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;

        [StringLength(200, ErrorMessage = "The name may have at most {1} characters.")]
        [PlainText]
        [Display(Name = "Full name (for a new account)")]
        public string? FullName { get; set; }

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = Roles.Editor;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var added = await staff.AddStaffAsync(Input.Email, Input.FullName, Input.Role, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage(added.Created
            ? $"A staff account for {added.FullName} was created with the {Input.Role} role. A welcome email with a link to choose a password is on its way."
            : $"{added.FullName} now has the {Input.Role} role and has been told by email.");
        return RedirectToPage("Person", new { userId = added.UserId });
    }
}
