using System.Net;
using System.Security.Cryptography;
using System.Text;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>
/// Two hundred generated hostile submissions of /apply: the portal never fails, re-shows the form when it refuses,
/// and what it accepts is shown HTML-encoded to the vetters and on the applicant's status page.
/// </summary>
public sealed class HostileInputTests(GenerousRateLimitPortalFixture portal) : IClassFixture<GenerousRateLimitPortalFixture>
{
    private const int Cases = 200;
    private const int Seed = 20_260_611;
    private const string TestToken = "hostile-input-verification-token";

    /// <summary>Markers that must never reach a page unencoded.</summary>
    private static readonly string[] RawMarkers = ["<script>alert(1)", "<img src=x", "<svg onload"];

    private static readonly string[] Fields =
    [
        "Input.FullName", "Input.WorkEmail", "Input.JobTitle", "Input.Organisation", "Input.OrganisationWebsite", "Input.CountryCode",
        "Input.SectorCode", "Input.SectorDescription", "Input.OrganisationSize", "Input.LinkedInUrl", "Input.Motivation",
        "Input.SponsorEmail", "Input.Consent",
    ];

    /// <summary>Hostile text for any field (sent percent-encoded as UTF-8, the way a browser would).</summary>
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "'; DROP TABLE \"AspNetUsers\"; --",
        "Robert'); DELETE FROM membership_applications;--",
        "\uD800",
        "abc\uDC00def",
        "\uDBFF\uDFFF",
        "\u202Egnp.exe",
        "admin\u202E\u2066x",
        "😀🔥👨‍👩‍👧",
        "a\0b",
        "\0",
        "\u0001\u0007\u001B[2J",
        "line1\r\nline2",
        "\t\v\f",
        "\uFEFF\u200B\u200D",
        "{{7*7}}${7*7}#{7*7}",
        "javascript:alert(1)",
        "../../../../etc/passwd",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "ＣＩＳＯ İıßſ",
        "   ",
        string.Empty,
        new string('A', 10_000),
        new string('<', 10_000),
    ];

    /// <summary>Bytes no browser should send: invalid UTF-8, overlong encodings, an encoded surrogate (already percent-encoded).</summary>
    private static readonly string[] RawEncodedPayloads = ["%FF%FE%FD", "%C0%BCscript%C0%BE", "%ED%A0%80", "ok%00ok", "%E2%80%AE%F0%9F%98%80", "%"];

    /// <summary>Hostile values that pass each field's validation, so that some applications get stored.</summary>
    private static readonly Dictionary<string, string[]> Plausible = new()
    {
        ["Input.FullName"] = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE \"AspNetUsers\"; --", "Zoë <b>Bold</b> & Co"],
        ["Input.WorkEmail"] = ["<script>alert(1)</script>@hostile-demo.eu", "\"><img src=x onerror=alert(1)>@hostile-demo.eu", "x'--@hostile-demo.eu", "a@<script>alert(1)</script>"],
        ["Input.JobTitle"] = ["CISO <script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "CISO'; DROP TABLE \"AspNetUsers\"; --"],
        ["Input.Organisation"] = ["<script>alert(1)</script> GmbH", "\"><img src=x onerror=alert(1)>", "O'Brien & Sons \"Ltd\""],
        ["Input.OrganisationWebsite"] = ["https://hostile-demo.eu/<script>alert(1)</script>", "https://hostile-demo.eu/\"><img src=x onerror=alert(1)>", "hostile-demo.eu/?q='--"],
        ["Input.CountryCode"] = ["FR", "fr", "F'", "<s"],
        ["Input.SectorCode"] = ["energy", "energy'--", "other"],
        ["Input.SectorDescription"] = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE \"AspNetUsers\"; --"],
        ["Input.OrganisationSize"] = ["Under250", "0", "-1", "99999999999", "3.5", "0x3"],
        ["Input.LinkedInUrl"] = ["https://www.linkedin.com/in/<script>alert(1)</script>", "https://linkedin.com/in/\"><img src=x onerror=alert(1)>", "https://evil.example/linkedin.com"],
        ["Input.Motivation"] = ["<script>alert(1)</script> I lead security and want to meet peers.", "\"><img src=x onerror=alert(1)> I lead security for a bank.\r\nSecond line.", "'; DROP TABLE \"AspNetUsers\"; -- I lead security for a regional hospital."],
        ["Input.SponsorEmail"] = ["<script>alert(1)</script>@hostile-demo.eu", "\"><img src=x onerror=alert(1)>@demo.cec.example", "member@demo.cec.example'--"],
        ["Input.Consent"] = ["True", "TRUE", "on", "1", "yes"],
    };

    [Fact]
    public async Task PostApply_TwoHundredHostileInputs_NoServerErrorAndAcceptedValuesShownEncoded()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = portal.CreateClient();
        var antiforgery = (await client.GetDocumentAsync("/apply")).QuerySelector("[data-testid=apply-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var random = new Random(Seed);
        var failures = new List<string>();
        var acceptedCount = 0;
        var rejectedCount = 0;

        // Act: post every generated case
        for (var i = 0; i < Cases; i++)
        {
            var (description, form) = Generate(random, i);
            using var content = new StringContent(
                string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Key)}={f.Value}").Append($"__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}")),
                Encoding.ASCII,
                "application/x-www-form-urlencoded");
            using var response = await client.PostAsync(new Uri("/apply", UriKind.Relative), content, cancellationToken);
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Redirect when response.Headers.Location?.OriginalString == "/apply/submitted":
                    acceptedCount++;
                    break;
                case HttpStatusCode.OK:
                    var page = await response.ReadDocumentAsync();
                    if (page.QuerySelector("[data-testid=apply-form]") is null || page.QuerySelectorAll("[data-testid=apply-errors] li").Length == 0)
                    {
                        failures.Add($"case {i} ({description}): 200 without the form and its messages");
                    }

                    failures.AddRange(RawMarkers.Where(m => html.Contains(m, StringComparison.Ordinal)).Select(m => $"case {i} ({description}): raw \"{m}\" in the re-shown form"));
                    break;
                case HttpStatusCode.BadRequest when form.Values.Any(v => v.Contains("%00", StringComparison.Ordinal)):
                    // The framework's form reader refuses NUL characters outright: a plain 400 before any of the portal's code.
                    rejectedCount++;
                    break;
                default:
                    failures.Add($"case {i} ({description}): answered {(int)response.StatusCode}{(html.Length > 0 ? ": " + Shorten(html) : "")}");
                    break;
            }
        }

        // Verify every stored application the way the emailed link would, with a token the test knows
        var stored = await portal.WithDbAsync(db => db.MembershipApplications.Select(a => a.Id).ToListAsync(cancellationToken));
        var tokenHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(TestToken)));
        await portal.WithDbAsync(db => db.MembershipApplications.ExecuteUpdateAsync(s => s.SetProperty(a => a.VerificationTokenHash, tokenHash), cancellationToken));
        foreach (var id in stored)
        {
            await using var scope = portal.Factory.Services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ApplicationWorkflow>().VerifyAsync(id, TestToken, cancellationToken);
            }
            catch (Exception ex)
            {
                failures.Add($"verifying {id} threw {ex.GetType().Name}: {Shorten(ex.InnerException?.Message ?? ex.Message)}");
            }
        }

        // Look at every stored application as a vetter and as the applicant
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var applicant = portal.CreateClient();
        foreach (var id in stored)
        {
            var application = await MembershipTestKit.LoadAsync(portal, id);
            string statusLink;
            await using (var scope = portal.Factory.Services.CreateAsyncScope())
            {
                statusLink = new Uri(scope.ServiceProvider.GetRequiredService<ApplicationWorkflow>().StatusLink(id)).PathAndQuery;
            }

            foreach (var (name, url, viewer) in new[] { ("vetter page", $"/admin/vetting/{id}", admin), ("status page", statusLink, applicant) })
            {
                using var response = await viewer.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{name} of {id} answered {(int)response.StatusCode}: {Shorten(html)}");
                    continue;
                }

                failures.AddRange(RawMarkers.Where(m => html.Contains(m, StringComparison.Ordinal)).Select(m => $"{name} of {id}: raw \"{m}\""));
                if (name == "vetter page" && Texts(application).Any(t => t is not null && t.Contains("<script>", StringComparison.Ordinal)) && !html.Contains("&lt;script&gt;", StringComparison.Ordinal))
                {
                    failures.Add($"{name} of {id}: the stored <script> is not shown encoded");
                }
            }
        }

        for (var pageNumber = 1; pageNumber <= (stored.Count / 25) + 1; pageNumber++)
        {
            using var queue = await admin.GetAsync(new Uri($"/admin/vetting?page={pageNumber}", UriKind.Relative), cancellationToken);
            var html = await queue.Content.ReadAsStringAsync(cancellationToken);
            failures.AddRange(RawMarkers.Where(m => html.Contains(m, StringComparison.Ordinal)).Select(m => $"queue page {pageNumber}: raw \"{m}\""));
        }

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine($"{acceptedCount} accepted, {rejectedCount} refused by the form reader (NUL), {Cases - acceptedCount - rejectedCount} re-shown with messages.");
        failures.ShouldBeEmpty();
        stored.Count.ShouldBe(acceptedCount);
        acceptedCount.ShouldBeGreaterThan(10, "the generator should get some hostile values past validation");
        rejectedCount.ShouldBeLessThan(Cases / 4);
    }

    /// <summary>One case: a valid form with one field made hostile, or (every eighth case) every field hostile.</summary>
    private static (string Description, Dictionary<string, string> Form) Generate(Random random, int index)
    {
        var email = $"hostile.{index}@hostile-demo.eu";
        var form = MembershipFlowTests.Form(email).ToDictionary(f => f.Key, f => Uri.EscapeDataString(f.Value));
        form["Input.SectorDescription"] = string.Empty;
        form["Input.LinkedInUrl"] = string.Empty;
        if (index % 8 == 7)
        {
            foreach (var field in Fields)
            {
                form[field] = Pick(random, field);
            }

            return ("all fields hostile", form);
        }

        var target = Fields[index % Fields.Length];
        var value = Pick(random, target);
        form[target] = value;
        return ($"{target} = {Shorten(Uri.UnescapeDataString(value))}", form);
    }

    /// <summary>A percent-encoded hostile value: plausible for the field, from the general pool, raw bytes, or a mix.</summary>
    private static string Pick(Random random, string field) => random.Next(10) switch
    {
        < 4 => Uri.EscapeDataString(Plausible[field][random.Next(Plausible[field].Length)]),
        < 8 => Uri.EscapeDataString(Payloads[random.Next(Payloads.Length)]),
        8 => RawEncodedPayloads[random.Next(RawEncodedPayloads.Length)],
        _ => Uri.EscapeDataString(Plausible[field][random.Next(Plausible[field].Length)] + Payloads[random.Next(Payloads.Length)]),
    };

    private static IEnumerable<string?> Texts(MembershipApplication a) =>
        [a.FullName, a.WorkEmail, a.JobTitle, a.Organisation, a.OrganisationWebsite, a.SectorDescription, a.LinkedInUrl, a.Motivation, a.SponsorEmail];

    private static string Shorten(string text)
    {
        var printable = new string([.. text.Take(120).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return text.Length > 120 ? printable + $"... ({text.Length} chars)" : printable;
    }
}
