using System.Net;
using CecPortal.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static CecPortal.IntegrationTests.Security.AccessControlMatrixTests.Access;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// Every page and endpoint the app maps, requested as anonymous, member, vetter, editor, moderator, admin and policy officer, compared with
/// the expected table below. A new page without a row fails the test, and so does a row for a page that is gone.
/// </summary>
public sealed class AccessControlMatrixTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>What a request gets: in, sent to sign in, or refused (403).</summary>
    public enum Access
    {
        /// <summary>Past authorization: the page answers (200, a redirect elsewhere, 404 for a sample id, 400 …).</summary>
        In,

        /// <summary>Redirected to the sign-in page.</summary>
        SignIn,

        /// <summary>Signed in but refused: 403.</summary>
        Denied,
    }

    /// <summary>Expected access per route: anonymous, member, vetter, editor, moderator, admin, policy.</summary>
    private static readonly Access[] Public = [In, In, In, In, In, In, In];

    /// <summary>The access-denied page answers 403 itself, to everyone.</summary>
    private static readonly Access[] ItselfForbidden = [Denied, Denied, Denied, Denied, Denied, Denied, Denied];

    /// <summary>Any signed-in person: members and every staff role.</summary>
    private static readonly Access[] SignedIn = [SignIn, In, In, In, In, In, In];

    private static readonly Access[] Staff = [SignIn, Denied, In, In, In, In, In];

    private static readonly Access[] Vetting = [SignIn, Denied, In, Denied, Denied, In, Denied];

    private static readonly Access[] Editorial = [SignIn, Denied, Denied, In, Denied, In, Denied];

    private static readonly Access[] Moderation = [SignIn, Denied, Denied, Denied, In, In, Denied];

    private static readonly Access[] AdminOnly = [SignIn, Denied, Denied, Denied, Denied, In, Denied];

    /// <summary>Policy officers, Editors and Admins: the consultations.</summary>
    private static readonly Access[] ConsultationStaff = [SignIn, Denied, Denied, In, Denied, In, In];

    /// <summary>Expected access per route: anonymous, member, vetter, editor, moderator, admin, policy.</summary>
    private static readonly Dictionary<string, Access[]> Expected = new(StringComparer.Ordinal)
    {
        ["/"] = Public,
        ["/account/access-denied"] = ItselfForbidden,
        ["/account/address"] = SignedIn,
        ["/account/change-password"] = SignedIn,
        ["/account/confirm-email"] = Public,
        ["/account/forgot-password"] = Public,
        ["/account/login"] = Public,
        ["/account/login/code"] = Public,
        ["/account/login/recovery-code"] = Public,
        ["/account/logout"] = Public,
        ["/account/resend-confirmation"] = Public,
        ["/account/security"] = SignedIn,
        ["/account/security/authenticator"] = SignedIn,
        ["/account/security/recovery-codes"] = SignedIn,
        ["/account/security/passkeys"] = SignedIn,
        ["/account/reset-password"] = Public,
        ["/account/welcome"] = Public,
        ["/admin"] = Staff,
        ["/admin/audit"] = AdminOnly,
        ["/admin/breach"] = AdminOnly,
        ["/admin/breach/new"] = AdminOnly,
        ["/admin/briefings"] = Editorial,
        ["/admin/briefings/new"] = Editorial,
        ["/admin/briefings/{id:guid}/deliveries"] = Editorial,
        ["/admin/briefings/{id:guid}/edit"] = Editorial,
        ["/admin/consultations"] = ConsultationStaff,
        ["/admin/consultations/new"] = ConsultationStaff,
        ["/admin/consultations/{id:guid}"] = ConsultationStaff,
        ["/admin/consultations/{id:guid}/edit"] = ConsultationStaff,
        ["/admin/consultations/{id:guid}/named"] = ConsultationStaff,
        ["/admin/consultations/{id:guid}/paper"] = ConsultationStaff,
        ["/admin/consultations/{id:guid}/publish"] = ConsultationStaff,
        ["/admin/consultations/{id:guid}/results"] = ConsultationStaff,
        ["/admin/consultations/{id:guid}/results.csv"] = ConsultationStaff,
        ["/admin/countries"] = AdminOnly,
        ["/admin/delivery-problems"] = AdminOnly,
        ["/admin/jobs/{**path}"] = AdminOnly,
        ["/admin/members"] = AdminOnly,
        ["/admin/members/{userId}"] = AdminOnly,
        ["/admin/members/{userId}/erase"] = AdminOnly,
        ["/admin/members/{userId}/extend"] = AdminOnly,
        ["/admin/members/{userId}/suspend"] = AdminOnly,
        ["/admin/privacy"] = AdminOnly,
        ["/admin/reference-data"] = AdminOnly,
        ["/admin/sharing"] = Moderation,
        ["/admin/sharing/new"] = Moderation,
        ["/admin/sharing/alerts"] = Moderation,
        ["/admin/sharing/{id:guid}"] = Moderation,
        ["/admin/sharing/{id:guid}/members"] = Moderation,
        ["/admin/sharing/reports"] = Moderation,
        ["/admin/sharing/reports/{messageId:guid}"] = Moderation,
        ["/admin/staff"] = AdminOnly,
        ["/admin/staff/new"] = AdminOnly,
        ["/admin/staff/{userId}"] = AdminOnly,
        ["/admin/vetters"] = AdminOnly,
        ["/admin/vetters/{userId}"] = AdminOnly,
        ["/admin/vetting"] = Vetting,
        ["/admin/vetting/{id:guid}"] = Vetting,
        ["/admin/vetting/profile-changes"] = Vetting,
        ["/admin/vetting/profile-changes/{id:guid}"] = Vetting,
        ["/admin/webinars"] = Editorial,
        ["/admin/webinars/proposals"] = Editorial,
        ["/admin/webinars/proposals/{id:guid}"] = Editorial,
        ["/admin/webinars/series/new"] = Editorial,
        ["/admin/webinars/series/{id:guid}"] = Editorial,
        ["/admin/webinars/sessions/new"] = Editorial,
        ["/admin/webinars/sessions/{id:guid}"] = Editorial,
        ["/apply"] = Public,
        ["/apply/sponsor/{id:guid}"] = Public,
        ["/apply/status/{id:guid}"] = Public,
        ["/apply/status-link"] = Public,
        ["/apply/submitted"] = Public,
        ["/apply/verify/{id:guid}"] = Public,
        ["/briefings"] = SignedIn,
        ["/briefings/feed/{token}"] = Public,
        ["/briefings/search"] = SignedIn,
        ["/briefings/{date:regex(^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$)}"] = SignedIn,
        ["/consultations"] = SignedIn,

        // Past authorization for every signed-in person; a consultation the person may not see is a 404.
        ["/consultations/{id:guid}"] = SignedIn,
        ["/dev/mailbox"] = Public,
        ["/dev/mailbox/{id}"] = Public,
        ["/error/{code:int?}"] = Public,
        ["/health/live"] = Public,
        ["/health/ready"] = Public,
        ["/members"] = SignedIn,
        ["/membership/attest"] = SignedIn,
        ["/privacy"] = Public,
        ["/privacy/accept"] = SignedIn,
        ["/profile"] = SignedIn,
        ["/profile/data"] = SignedIn,
        ["/profile/email"] = SignedIn,
        ["/profile/email/confirm"] = Public,
        ["/profile/erase"] = SignedIn,
        ["/profile/erased"] = Public,
        ["/profile/leave"] = SignedIn,
        ["/sharing"] = SignedIn,
        ["/sharing/c/{slug}"] = SignedIn,

        // The live stream: with no topic or channel named it follows what the person may read (none for staff roles).
        ["/sharing/live"] = SignedIn,
        ["/sharing/m/{messageId:guid}"] = SignedIn,
        ["/sharing/m/{messageId:guid}/alert"] = SignedIn,
        ["/sharing/m/{messageId:guid}/edit"] = SignedIn,

        // "Seen it too": past authorization for every signed-in person; a message they may not read is a 404.
        ["/sharing/m/{messageId:guid}/seen"] = SignedIn,

        // Searches only what the person may read: nothing for staff roles, who read no channel.
        ["/sharing/search"] = SignedIn,
        ["/sharing/m/{messageId:guid}/report"] = SignedIn,
        ["/sharing/t/{topicId:guid}"] = SignedIn,

        // Past authorization for every signed-in person; the page itself answers 404 to anyone who does not manage the group.
        ["/sharing/members/{slug}"] = SignedIn,
        ["/unsubscribe/{token}"] = Public,
        ["/webinars"] = SignedIn,
        ["/webinars/calendar/{token}.ics"] = Public,
        ["/webinars/propose"] = SignedIn,
        ["/webinars/{id:guid}"] = SignedIn,

        // Development's fallback for files not in the static asset manifest: unknown files are not public.
        ["/{**path:file}"] = SignedIn,
    };

    private static readonly (string Name, string? Email)[] Personas =
    [
        ("anonymous", null),
        ("member", PortalFactory.MemberEmail),
        ("vetter", PortalFactory.CountryVetterEmail),
        ("editor", PortalFactory.EditorEmail),
        ("moderator", PortalFactory.ModeratorEmail),
        ("admin", PortalFactory.AdminEmail),
        ("policy", PortalFactory.PolicyEmail),
    ];

    [Fact]
    public void Endpoints_EveryRouteTheAppMaps_HasAnExpectation()
    {
        // Arrange
        var routes = Routes().Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        // Act
        var missing = routes.Where(r => !Expected.ContainsKey(r)).Order(StringComparer.Ordinal).ToList();
        var stale = Expected.Keys.Where(r => !routes.Contains(r)).Order(StringComparer.Ordinal).ToList();

        // Assert
        missing.ShouldBeEmpty($"Routes without an access expectation (add a row to {nameof(Expected)}): {string.Join(", ", missing)}");
        stale.ShouldBeEmpty($"Expectations for routes the app no longer maps: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Endpoints_EachPersona_GetsTheExpectedAccess()
    {
        // Arrange
        var clients = new List<HttpClient>();
        foreach (var (_, email) in Personas)
        {
            clients.Add(email is null ? portal.CreateClient() : await portal.SignedInClientAsync(email));
        }

        var mismatches = new List<string>();

        // Act
        foreach (var (route, method) in Routes())
        {
            var expected = Expected.GetValueOrDefault(route);
            if (expected is null)
            {
                continue;
            }

            for (var i = 0; i < Personas.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), SampleUrl(route));
                using var response = await clients[i].SendAsync(request, TestContext.Current.CancellationToken);
                var actual = Classify(response);
                if (actual != expected[i])
                {
                    mismatches.Add($"{method} {route} as {Personas[i].Name}: expected {expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        clients.ForEach(c => c.Dispose());

        // Assert
        mismatches.ShouldBeEmpty(string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>Each route pattern once, with the method to request it by: GET unless the endpoint takes only others.</summary>
    private IEnumerable<KeyValuePair<string, string>> Routes()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null);
        return endpoints
            .GroupBy(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Select(g =>
            {
                var methods = g.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]).ToList();
                return KeyValuePair.Create(g.Key, methods.Contains(HttpMethods.Get) ? HttpMethods.Get : methods[0]);
            })
            .OrderBy(r => r.Key, StringComparer.Ordinal);
    }

    /// <summary>The route with each parameter filled by a sample value that satisfies its constraints.</summary>
    private static Uri SampleUrl(string route)
    {
        var pattern = RoutePatternFactory.Parse(route);
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => string.Empty,
        })));
        return new Uri("/" + string.Join('/', segments).TrimEnd('/'), UriKind.Relative);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty).ToList();
        return constraints switch
        {
            _ when constraints.Contains("guid") => "00000000-0000-0000-0000-000000000001",
            _ when constraints.Contains("int") || constraints.Contains("long") => "1",
            _ when constraints.Any(c => c.StartsWith("regex", StringComparison.Ordinal)) && parameter.Name.Contains("date", StringComparison.OrdinalIgnoreCase) => "2020-01-01",
            _ when constraints.Contains("file") => "sample/missing.txt",
            _ when parameter.IsCatchAll => "sample/path",
            _ when parameter.IsOptional => string.Empty,
            _ => "sample",
        };
    }

    private static Access Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Denied,
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            when response.Headers.Location?.OriginalString.Contains("/account/login?ReturnUrl=", StringComparison.Ordinal) == true => SignIn,
        _ => In,
    };
}
