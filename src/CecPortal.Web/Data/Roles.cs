namespace CecPortal.Web.Data;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Vetter = "Vetter";
    public const string Editor = "Editor";
    public const string Member = "Member";

    /// <summary>Staff who run the sharing space: its channels, the report queue, hiding messages.</summary>
    public const string Moderator = "Moderator";

    /// <summary>Staff who run the community's consultations with the EU institutions (as Editors and Admins may).</summary>
    public const string Policy = "Policy";

    public static readonly IReadOnlyList<string> All = [Admin, Vetter, Editor, Moderator, Policy, Member];

    /// <summary>Roles that may enter the admin area.</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Vetter, Editor, Moderator, Policy];
}
