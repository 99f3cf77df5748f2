namespace CecPortal.Web.Features.Home;

/// <summary>
/// The account notices every page shows in the layout (the yearly confirmation, an address that bounces). A page that
/// shows them itself, in its own place (the member's home, in its "Your account" block), sets
/// <c>ViewData[InPage] = true</c> and the layout leaves them out, so that they are not shown twice.
/// </summary>
public static class AccountNotices
{
    public const string InPage = "AccountNoticesInPage";

    /// <summary>
    /// <c>ViewData</c> key for the person's organisation as the page has already read it (a <see cref="KnownOrganisation"/>):
    /// the confirmation banner names it, and reads it from the database only when no page did.
    /// </summary>
    public const string Organisation = "AccountNoticesOrganisation";

    /// <summary>An organisation already read; <paramref name="Name"/> is null when the profile has none.</summary>
    public sealed record KnownOrganisation(string? Name);
}
