namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>Section <c>Security</c>: whether staff must use two-step sign-in before the admin area opens.</summary>
public sealed class StaffMfaOptions
{
    public const string Section = "Security";

    /// <summary>Staff (Admin, Vetter, Editor) without an authenticator app are sent to set one up before any admin page.</summary>
    public bool RequireStaffMfa { get; set; } = true;
}
