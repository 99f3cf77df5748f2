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

    /// <summary>Asked to confirm their role (the due date has passed) and not lapsed yet.</summary>
    public const string Due = "due";

    /// <summary>Not confirmed after the request and the reminder: signs in, sees nothing until they confirm.</summary>
    public const string Lapsed = "lapsed";

    /// <summary>Left their role and kept an alumni record: no sign-in, no email, not listed.</summary>
    public const string Alumni = "alumni";

    /// <summary>A change of organisation, country or sector waits for a vetter (light re-vetting).</summary>
    public const string Revetting = "revetting";

    /// <summary>The member's address is marked undeliverable (issue 18): mailings stop until they confirm or change it.</summary>
    public const string Undeliverable = "undeliverable";

    public static readonly IReadOnlyList<(string Value, string Label)> Options =
    [
        (Active, "Active"),
        (Suspended, "Suspended"),
        (NeverSignedIn, "Never signed in"),
        (PrivacyPending, "Privacy notice not accepted"),
        (Due, "Due to confirm their role"),
        (Lapsed, "Lapsed"),
        (Alumni, "Alumni"),
        (Revetting, "Profile change waiting for a vetter"),
        (Undeliverable, "Address undeliverable"),
    ];
}
