namespace CecPortal.Web.Features.Membership.ProfileChanges;

public static class ProfileChangeText
{
    public static string Describe(this ProfileReviewStatus status) => status switch
    {
        ProfileReviewStatus.Pending => "Waiting for a vetter",
        ProfileReviewStatus.Confirmed => "Confirmed",
        ProfileReviewStatus.Refused => "Refused",
        ProfileReviewStatus.Replaced => "Replaced by a later change",
        ProfileReviewStatus.Cancelled => "Cancelled by the member",
        _ => status.ToString(),
    };

    public static string BadgeClass(this ProfileReviewStatus status) => status switch
    {
        ProfileReviewStatus.Confirmed => "text-bg-success",
        ProfileReviewStatus.Refused => "text-bg-danger",
        ProfileReviewStatus.Pending => "text-bg-primary",
        _ => "text-bg-secondary",
    };

    /// <summary>"organisation, country and sector" from the changed field names.</summary>
    public static string JoinFields(IReadOnlyList<string> fields) => fields.Count switch
    {
        0 => "nothing",
        1 => fields[0],
        _ => string.Join(", ", fields.Take(fields.Count - 1)) + " and " + fields[^1],
    };
}
