namespace CecPortal.Web.Features.Admin.Members;

/// <summary>The member statuses the list filters by; the value is what the query string carries.</summary>
public static class MemberStatuses
{
    public const string Active = "active";
    public const string Suspended = "suspended";

    /// <summary>No successful sign-in in the audit log: typically a welcome link not used yet.</summary>
    public const string NeverSignedIn = "never-signed-in";

    /// <summary>Has not accepted the current privacy notice: asked at their next page.</summary>
    public const string PrivacyPending = "privacy-pending";

    /// <summary>A change of organisation, country or sector waits for a vetter (light re-vetting).</summary>
    public const string Revetting = "revetting";

    public static readonly IReadOnlyList<(string Value, string Label)> Options =
    [
        (Active, "Active"),
        (Suspended, "Suspended"),
        (NeverSignedIn, "Never signed in"),
        (PrivacyPending, "Privacy notice not accepted"),
        (Revetting, "Profile change waiting for a vetter"),
    ];
}
