using CecPortal.Web.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// The authorization each endpoint carries, read from its metadata: the exact policies, where
/// <see cref="AccessControlMatrixTests"/> only sees what six personas get. It pins the meaning of the access table
/// in <c>Features/PortalAccess.cs</c>: a folder policy that stops applying, or an anonymous page that becomes one,
/// fails here even where no persona would notice.
/// </summary>
public sealed class AccessTableTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Anonymous = "anonymous";

    /// <summary>The fallback policy: any signed-in person.</summary>
    private const string SignedIn = "signed in";

    private const string Community = "Community";

    /// <summary>Members and staff, lapsed or not: their own profile and the confirmation of their role.</summary>
    private const string MemberAccount = "MemberAccount";
    private const string Staff = "Staff";
    private const string StaffAndAdmin = "Admin+Staff";
    private const string StaffAndConsultations = "Consultations+Staff";
    private const string StaffAndEditorial = "Editorial+Staff";
    private const string StaffAndModeration = "Moderation+Staff";
    private const string StaffAndVetting = "Staff+Vetting";

    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["/"] = Anonymous,
        ["/account/access-denied"] = Anonymous,
        ["/account/address"] = SignedIn,
        ["/account/change-password"] = SignedIn,
        ["/account/confirm-email"] = Anonymous,
        ["/account/forgot-password"] = Anonymous,
        ["/account/login"] = Anonymous,
        ["/account/login/code"] = Anonymous,
        ["/account/login/recovery-code"] = Anonymous,
        ["/account/logout"] = Anonymous,
        ["/account/resend-confirmation"] = Anonymous,
        ["/account/reset-password"] = Anonymous,
        ["/account/security"] = SignedIn,
        ["/account/security/authenticator"] = SignedIn,
        ["/account/security/passkeys"] = SignedIn,
        ["/account/security/recovery-codes"] = SignedIn,
        ["/account/welcome"] = Anonymous,
        ["/admin"] = Staff,
        ["/admin/audit"] = StaffAndAdmin,
        ["/admin/breach"] = StaffAndAdmin,
        ["/admin/breach/new"] = StaffAndAdmin,
        ["/admin/briefings"] = StaffAndEditorial,
        ["/admin/briefings/new"] = StaffAndEditorial,
        ["/admin/briefings/{id:guid}/deliveries"] = StaffAndEditorial,
        ["/admin/briefings/{id:guid}/edit"] = StaffAndEditorial,
        ["/admin/consultations"] = StaffAndConsultations,
        ["/admin/consultations/new"] = StaffAndConsultations,
        ["/admin/consultations/{id:guid}"] = StaffAndConsultations,
        ["/admin/consultations/{id:guid}/edit"] = StaffAndConsultations,
        ["/admin/consultations/{id:guid}/named"] = StaffAndConsultations,
        ["/admin/consultations/{id:guid}/paper"] = StaffAndConsultations,
        ["/admin/consultations/{id:guid}/publish"] = StaffAndConsultations,
        ["/admin/consultations/{id:guid}/results"] = StaffAndConsultations,
        ["/admin/consultations/{id:guid}/results.csv"] = StaffAndConsultations,
        ["/admin/countries"] = StaffAndAdmin,
        ["/admin/delivery-problems"] = StaffAndAdmin,
        ["/admin/jobs/{**path}"] = "Admin",
        ["/admin/members"] = StaffAndAdmin,
        ["/admin/members/{userId}"] = StaffAndAdmin,
        ["/admin/members/{userId}/erase"] = StaffAndAdmin,
        ["/admin/members/{userId}/extend"] = StaffAndAdmin,
        ["/admin/members/{userId}/suspend"] = StaffAndAdmin,
        ["/admin/privacy"] = StaffAndAdmin,
        ["/admin/reference-data"] = StaffAndAdmin,
        ["/admin/sharing"] = StaffAndModeration,
        ["/admin/sharing/new"] = StaffAndModeration,
        ["/admin/sharing/alerts"] = StaffAndModeration,
        ["/admin/sharing/{id:guid}"] = StaffAndModeration,
        ["/admin/sharing/{id:guid}/members"] = StaffAndModeration,
        ["/admin/sharing/reports"] = StaffAndModeration,
        ["/admin/sharing/reports/{messageId:guid}"] = StaffAndModeration,
        ["/admin/staff"] = StaffAndAdmin,
        ["/admin/staff/new"] = StaffAndAdmin,
        ["/admin/staff/{userId}"] = StaffAndAdmin,
        ["/admin/vetters"] = StaffAndAdmin,
        ["/admin/vetters/{userId}"] = StaffAndAdmin,
        ["/admin/vetting"] = StaffAndVetting,
        ["/admin/vetting/{id:guid}"] = StaffAndVetting,
        ["/admin/vetting/profile-changes"] = StaffAndVetting,
        ["/admin/vetting/profile-changes/{id:guid}"] = StaffAndVetting,
        ["/admin/webinars"] = StaffAndEditorial,
        ["/admin/webinars/proposals"] = StaffAndEditorial,
        ["/admin/webinars/proposals/{id:guid}"] = StaffAndEditorial,
        ["/admin/webinars/series/new"] = StaffAndEditorial,
        ["/admin/webinars/series/{id:guid}"] = StaffAndEditorial,
        ["/admin/webinars/sessions/new"] = StaffAndEditorial,
        ["/admin/webinars/sessions/{id:guid}"] = StaffAndEditorial,
        ["/apply"] = Anonymous,
        ["/apply/sponsor/{id:guid}"] = Anonymous,
        ["/apply/status/{id:guid}"] = Anonymous,
        ["/apply/status-link"] = Anonymous,
        ["/apply/submitted"] = Anonymous,
        ["/apply/verify/{id:guid}"] = Anonymous,
        ["/briefings"] = Community,
        ["/briefings/feed/{token}"] = Anonymous,
        ["/briefings/search"] = Community,
        ["/briefings/{date:regex(^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$)}"] = Community,
        ["/consultations"] = Community,
        ["/consultations/{id:guid}"] = Community,
        ["/dev/mailbox"] = Anonymous,
        ["/dev/mailbox/{id}"] = Anonymous,
        ["/error/{code:int?}"] = Anonymous,
        ["/health/live"] = Anonymous,
        ["/health/ready"] = Anonymous,
        ["/members"] = Community,
        ["/membership/attest"] = MemberAccount,
        ["/privacy"] = Anonymous,
        ["/privacy/accept"] = SignedIn,
        ["/profile"] = MemberAccount,
        ["/profile/data"] = SignedIn,
        ["/profile/email"] = MemberAccount,
        ["/profile/email/confirm"] = Anonymous,
        ["/profile/erase"] = SignedIn,
        ["/profile/erased"] = Anonymous,
        ["/profile/leave"] = MemberAccount,
        ["/sharing"] = Community,
        ["/sharing/c/{slug}"] = Community,
        ["/sharing/live"] = Community,
        ["/sharing/m/{messageId:guid}"] = Community,
        ["/sharing/m/{messageId:guid}/alert"] = Community,
        ["/sharing/m/{messageId:guid}/edit"] = Community,
        ["/sharing/m/{messageId:guid}/seen"] = Community,
        ["/sharing/search"] = Community,
        ["/sharing/m/{messageId:guid}/report"] = Community,
        ["/sharing/t/{topicId:guid}"] = Community,
        ["/sharing/members/{slug}"] = Community,
        ["/unsubscribe/{token}"] = Anonymous,
        ["/webinars"] = Community,
        ["/webinars/calendar/{token}.ics"] = Anonymous,
        ["/webinars/propose"] = Community,
        ["/webinars/{id:guid}"] = Community,
        ["/{**path:file}"] = SignedIn,
    };

    [Fact]
    public void Endpoints_Each_CarryExactlyTheExpectedPolicies()
    {
        // Arrange
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .ToList();

        // Act
        var actual = endpoints
            .GroupBy(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(Rule).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);

        // Assert
        var differences = actual.Keys.Union(Expected.Keys).Order(StringComparer.Ordinal)
            .Where(route => actual.GetValueOrDefault(route) != Expected.GetValueOrDefault(route))
            .Select(route => $"{route}: expected {Expected.GetValueOrDefault(route) ?? "no endpoint"}, got {actual.GetValueOrDefault(route) ?? "no endpoint"}")
            .ToList();
        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void AccessTable_EveryEntry_NamesAnExistingPageOrFolder()
    {
        // Arrange: a page that moved leaves its rule behind, silently, as conventions for unknown paths do nothing.
        var pages = portal.Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(d => d.ViewEnginePath).ToHashSet(StringComparer.Ordinal);

        // Act
        var unknownFolders = PortalAccess.Folders.Select(f => f.Folder).Where(f => !pages.Any(p => p.StartsWith(f + "/", StringComparison.Ordinal))).ToList();
        var unknownPages = PortalAccess.AnonymousPages.Where(p => !pages.Contains(p)).ToList();

        // Assert
        unknownFolders.ShouldBeEmpty($"Folders in the access table without a page: {string.Join(", ", unknownFolders)}");
        unknownPages.ShouldBeEmpty($"Anonymous pages in the access table that do not exist: {string.Join(", ", unknownPages)}");
    }

    /// <summary>What the authorization middleware makes of an endpoint: open, the fallback, or every named policy.</summary>
    private static string Rule(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }

        var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        authorizeData.ShouldAllBe(a => a.Roles == null && a.AuthenticationSchemes == null, $"{endpoint.DisplayName} names roles or schemes, not a policy");
        var policies = authorizeData.Select(a => a.Policy ?? "default").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return policies.Count == 0 ? SignedIn : string.Join('+', policies);
    }
}
