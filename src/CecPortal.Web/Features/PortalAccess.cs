using CecPortal.Web.Features.Membership.Attestation;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CecPortal.Web.Features;

/// <summary>
/// Who may open what: the portal's one access table. Page models carry no <c>[Authorize]</c> or
/// <c>[AllowAnonymous]</c> (a unit test refuses them), so this file is the whole answer for pages.
/// <list type="number">
/// <item>Every page needs a signed-in person (the fallback policy) unless a rule below says more or less.</item>
/// <item><see cref="Folders"/>: a folder's policy applies to every page beneath it, and adds to its parent folder's,
/// so a page in <c>/Admin/Vetting</c> needs both <c>Staff</c> and <c>Vetting</c>.</item>
/// <item><see cref="AnonymousPages"/>: pages anyone may open, named one by one. This beats every folder policy (an
/// anonymous endpoint skips authorization), so a folder is never opened as a whole: a page added to it later stays
/// closed until it is listed here.</item>
/// </list>
/// Endpoints that are not pages keep their rule beside their mapping: <c>/health/live</c> and <c>/health/ready</c> are
/// anonymous (<c>PortalWebSetup.MapPortalHealthChecks</c>), <c>/admin/jobs</c> is <c>Admin</c>
/// (<c>HangfireSetup.MapPortalJobsDashboard</c>), the sharing space's live stream <c>/sharing/live</c> is <c>Community</c>
/// and checks each event in SQL (<c>LiveEndpoint.MapSharingLive</c>), static assets are anonymous (<c>Program.cs</c>). Besides
/// authorization, <c>/Admin</c> requires staff two-factor and <c>/Dev</c> answers only in Development
/// (<see cref="PortalPages"/>).
/// </summary>
public static class PortalAccess
{
    /// <summary>Folder (under <c>/Features</c>) → the policy every page in it needs.</summary>
    public static readonly IReadOnlyList<(string Folder, string Policy)> Folders =
    [
        ("/Admin", Policies.Staff),
        ("/Admin/Audit", Policies.Admin),
        ("/Admin/Breach", Policies.Admin),
        ("/Admin/Briefings", Policies.Editorial),
        ("/Admin/Consultations", Policies.Consultations),
        ("/Admin/Countries", Policies.Admin),
        ("/Admin/Deliverability", Policies.Admin),
        ("/Admin/Members", Policies.Admin),
        ("/Admin/Privacy", Policies.Admin),
        ("/Admin/ReferenceData", Policies.Admin),
        ("/Admin/Sharing", Policies.Moderation),
        ("/Admin/Staff", Policies.Admin),
        ("/Admin/Vetters", Policies.Admin),
        ("/Admin/Vetting", Policies.Vetting),
        ("/Admin/Webinars", Policies.Editorial),
        ("/Briefings", Policies.Community),
        ("/Consultations", Policies.Community),
        ("/MemberDirectory", Policies.Community),
        ("/Membership/Attestation", Policies.MemberAccount),
        ("/Profile", Policies.MemberAccount),
        ("/Sharing", Policies.Community),
        ("/Webinars", Policies.Community),
    ];

    /// <summary>Pages anyone may open, signed in or not; each one validates its own token or shows nothing private.</summary>
    public static readonly IReadOnlyList<string> AnonymousPages =
    [
        "/Home/Index",
        "/Errors/Error",
        "/Privacy/Index",

        // Signing in, and the emailed links that come before it.
        "/Account/AccessDenied",
        "/Account/ConfirmEmail",
        "/Account/ForgotPassword",
        "/Account/Login",
        "/Account/Logout",
        "/Account/ResendConfirmation",
        "/Account/ResetPassword",
        "/Account/Welcome",
        "/Account/TwoFactor/LoginWithCode",
        "/Account/TwoFactor/LoginWithRecoveryCode",

        // Applying for membership.
        "/Membership/Apply",
        "/Membership/Sponsor",
        "/Membership/Status",
        "/Membership/StatusLink",
        "/Membership/Submitted",
        "/Membership/Verify",

        // Secret links opened by feed readers, calendars and mail clients: the token in the URL is the credential.
        "/Briefings/Feed",
        "/Unsubscribe/Index",
        "/Webinars/Calendar",
        "/Profile/ConfirmEmailChange",
        "/PersonalData/Erased",

        // The Development-only mailbox (a 404 elsewhere).
        "/Dev/Mailbox/Index",
        "/Dev/Mailbox/Message",
    ];

    /// <summary>The policies by role, and the fallback that closes every page the table does not open.</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Vetting, policy => policy.RequireRole(Roles.Vetter, Roles.Admin))
            .AddPolicy(Policies.Editorial, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Moderation, policy => policy.RequireRole(Roles.Moderator, Roles.Admin))
            .AddPolicy(Policies.Consultations, policy => policy.RequireRole(Roles.Policy, Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Community, policy => policy.RequireRole([.. Roles.Staff, Roles.Member]).AddRequirements(new GoodStandingRequirement()))
            .AddPolicy(Policies.MemberAccount, policy => policy.RequireRole([.. Roles.Staff, Roles.Member]))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Applies the table as Razor Pages conventions.</summary>
    public static PageConventionCollection AddPortalAccessRules(this PageConventionCollection conventions)
    {
        foreach (var (folder, policy) in Folders)
        {
            conventions.AuthorizeFolder(folder, policy);
        }

        foreach (var page in AnonymousPages)
        {
            conventions.AllowAnonymousToPage(page);
        }

        return conventions;
    }
}
