namespace CecPortal.Web.Data;

public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);

    /// <summary>Vetters and Admins: the membership vetting queue.</summary>
    public const string Vetting = nameof(Vetting);

    /// <summary>Editors and Admins: writing and scheduling the daily briefing.</summary>
    public const string Editorial = nameof(Editorial);

    /// <summary>Moderators and Admins: the sharing space's channels and its moderation queue.</summary>
    public const string Moderation = nameof(Moderation);

    /// <summary>Policy staff, Editors and Admins: the consultations with the EU institutions.</summary>
    public const string Consultations = nameof(Consultations);

    /// <summary>Members and staff in good standing (a lapsed membership is refused): everyone who may read community content.</summary>
    public const string Community = nameof(Community);

    /// <summary>Members and staff, lapsed or not: their own profile and the confirmation of their role.</summary>
    public const string MemberAccount = nameof(MemberAccount);
}
