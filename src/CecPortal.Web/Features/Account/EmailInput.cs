namespace CecPortal.Web.Features.Account;

public sealed class EmailInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "An email address has at most 256 characters.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;
}
