namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// The current password that every two-step sign-in change asks for (<see cref="TwoFactorSettings.PasswordField"/>
/// names it): the security page's forms post only this; enrolment adds the app's code.
/// </summary>
public class CurrentPasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [StringLength(256)]
    [Display(Name = "Current password")]
    public string Password { get; set; } = string.Empty;
}
