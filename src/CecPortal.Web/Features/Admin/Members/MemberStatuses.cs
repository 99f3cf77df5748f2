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

    /// <summary>The member's address is marked undeliverable (issue 18): mailings stop until they confirm or change it.</summary>
    public const string Undeliverable = "undeliverable";

    public static readonly IReadOnlyList<(string Value, string Label)> Options =
    [
        (Active, "Active"),
        (Suspended, "Suspended"),
        (NeverSignedIn, "Never signed in"),
        (PrivacyPending, "Privacy notice not accepted"),
        (Undeliverable, "Address undeliverable"),
    ];
}
