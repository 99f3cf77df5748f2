namespace CecPortal.Web.Data;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Vetter = "Vetter";
    public const string Editor = "Editor";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> All = [Admin, Vetter, Editor, Member];

    /// <summary>Roles that may enter the admin area.</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Vetter, Editor];
}
