namespace CecPortal.Web.Features.Account;

/// <summary>The two new-password fields shared by reset, change and welcome (rendered by _NewPasswordFields).</summary>
public abstract class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "The password must have between 12 and 128 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = string.Empty;

    [DataType(DataType.Password)]
    [Display(Name = "Repeat the new password")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
