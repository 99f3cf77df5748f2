using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Printing;

/// <summary>
/// The three pages people print (a briefing, the position paper, the member directory) in print media at an A4 page's
/// width: only the content, black on white, the TLP label kept on black, web links followed by their address, table
/// rows kept whole, nothing wider than the page, and a PDF that the browser can make.
/// </summary>
public sealed class PrintTests(BrowserPortal portal)
{
    private const string Black = "rgb(0, 0, 0)";
    private const string White = "rgb(255, 255, 255)";
    private const string AdvisoryUrl = "https://advisories.example.eu/2096/edge-gateway-remote-code-execution-in-the-management-interface";

    [Fact]
    public Task Print_BriefingEdition_ContentOnlyWithTlpLabelAndLinkAddresses() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var date = await AddBriefingAsync();
            var print = new PrintView(page);
            await page.GotoAsync($"/briefings/{date.ToRouteValue()}");

            // Act
            await print.EmulateAsync();

            // Assert
            await ShouldBeContentOnlyAsync(print);
            await Expect(print.TlpBanner).ToBeVisibleAsync();
            (await print.BackgroundAsync(print.TlpBanner)).ShouldBe(Black, "TLP 2.0: the label on black, in print too");
            (await print.TlpLabel.EvaluateAsync<string>("e => getComputedStyle(e).color")).ShouldBe("rgb(255, 192, 0)");
            (await print.ColourAsync("[data-testid=briefing-body] p")).ShouldBe(Black);
            var link = print.Main.Locator($"[data-testid=briefing-body] a[href='{AdvisoryUrl}']");
            (await PrintView.AfterAsync(link)).ShouldContain(AdvisoryUrl);
            var row = print.Main.Locator("[data-testid=vulnerabilities] tbody tr").First;
            (await PrintView.StyleAsync(row, "break-inside")).ShouldBe("avoid");
            (await PrintView.StyleAsync(print.Main.Locator("[data-testid=vulnerabilities] thead"), "display")).ShouldBe("table-header-group");
            await ShouldFitAnA4PageAsync(print);
            await Screenshots.SaveAsync(page, "briefing-print");
        },
        signedInAs: PortalFactory.MemberEmail);

    [Fact]
    public Task Print_MemberDirectory_TableWithoutFilterOrPager() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var members = new MembersPage(page);
            var print = new PrintView(page);
            await members.GotoAsync();

            // Act
            await print.EmulateAsync();

            // Assert
            await ShouldBeContentOnlyAsync(print);
            await Expect(members.Directory).ToBeVisibleAsync();
            await Expect(page.GetByTestId("directory-filter")).ToBeHiddenAsync();
            (await print.ColourAsync("[data-testid=directory] td")).ShouldBe(Black);
            (await PrintView.StyleAsync(members.Directory.Locator("tbody tr").First, "break-inside")).ShouldBe("avoid");
            (await PrintView.StyleAsync(members.Directory.Locator("thead"), "display")).ShouldBe("table-header-group");
            await ShouldFitAnA4PageAsync(print);
            await Screenshots.SaveAsync(page, "member-directory-print");
        },
        signedInAs: PortalFactory.MemberEmail);

    [Fact]
    public async Task Print_PositionPaper_DocumentWithLinkAddresses()
    {
        // Arrange
        var consultationId = await AddPublishedConsultationAsync();

        await portal.RunAsync(
            async page =>
            {
                var paper = new PositionPaperPage(page);
                var print = new PrintView(page);
                await paper.GotoAsync(consultationId);

                // Act
                await print.EmulateAsync();

                // Assert
                await ShouldBeContentOnlyAsync(print);
                await Expect(paper.Toolbar).ToBeHiddenAsync();
                await Expect(paper.Paper).ToContainTextAsync("The community asks for one reporting template.");
                (await print.ColourAsync("[data-testid=paper-text] p")).ShouldBe(Black);
                (await PrintView.AfterAsync(paper.Paper.Locator($"a[href='{AdvisoryUrl}']"))).ShouldContain(AdvisoryUrl);
                await ShouldFitAnA4PageAsync(print);
            },
            signedInAs: PortalFactory.PolicyEmail);
    }

    private static async Task ShouldBeContentOnlyAsync(PrintView print)
    {
        await Expect(print.Navigation).ToBeHiddenAsync();
        await Expect(print.Footer).ToBeHiddenAsync();
        await Expect(print.SkipLink).ToBeHiddenAsync();
        await Expect(print.Main).ToBeVisibleAsync();
        (await print.VisibleControlsAsync()).ShouldBe(0, "no buttons, forms or banners on paper");
        (await print.BodyBackgroundAsync()).ShouldBe(White);
        (await print.ColourAsync("h1")).ShouldBe(Black);
    }

    private static async Task ShouldFitAnA4PageAsync(PrintView print)
    {
        var widths = await print.MainWidthsAsync();
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "nothing in the content is wider than an A4 page's printable area");
        var pdf = await print.PdfAsync();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
    }

    private async Task<DateOnly> AddBriefingAsync()
    {
        var markdown = $"""
            A remote code execution in the management interface of a widely used edge gateway is exploited.

            Read the [vendor advisory]({AdvisoryUrl}) and patch today.
            """;
        var renderer = new MarkdownRenderer();
        return await portal.WithDbAsync(async db =>
        {
            var editorId = await db.Users.Where(u => u.Email == PortalFactory.EditorEmail).Select(u => u.Id).SingleAsync();
            var date = new DateOnly(2096, 3, 2);
            while (await db.Briefings.AnyAsync(b => b.EditionDate == date))
            {
                date = date.AddDays(1);
            }

            var now = DateTimeOffset.UtcNow;
            VulnerabilityEntry[] vulnerabilities =
            [
                new() { CveId = "CVE-2096-10001", Product = "Edge Gateway management interface", Severity = VulnerabilitySeverity.Critical, Summary = "Unauthenticated remote code execution through a crafted request to the configuration backup endpoint, exploited since Monday.", Link = AdvisoryUrl },
                new() { CveId = "CVE-2096-10002", Product = "Edge Gateway VPN", Severity = VulnerabilitySeverity.Medium, Summary = "Session fixation." },
            ];
            var briefing = Briefing.Create(date, new BriefingContent("Edge gateway exploited", markdown, renderer.Render(markdown), TlpLabel.Amber, vulnerabilities), editorId, now);
            briefing.Publish(now);
            db.Briefings.Add(briefing);
            await db.SaveChangesAsync();
            return date;
        });
    }

    private async Task<Guid> AddPublishedConsultationAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var staff = new Actor(await db.Users.Where(u => u.Email == PortalFactory.PolicyEmail).Select(u => u.Id).SingleAsync(), PortalFactory.PolicyEmail);
        var admin = scope.ServiceProvider.GetRequiredService<ConsultationAdministration>();
        var id = await admin.CreateAsync(
            new ConsultationDetails($"Reporting templates {Guid.NewGuid().ToString("N")[..6]}", "ENISA", "NIS2 incident reporting guidance", "Should there be **one** template?", DateTimeOffset.UtcNow.AddDays(10), ConsultationMode.Anonymous, [], ["MT"]),
            staff,
            CancellationToken.None);
        await admin.AddQuestionAsync(id, QuestionKind.SingleChoice, "One template for every member state?", ["Yes", "No"], required: true, staff, CancellationToken.None);
        await admin.OpenAsync(id, staff, CancellationToken.None);
        await admin.CloseAsync(id, staff, CancellationToken.None);
        await admin.PublishAsync(id, $"The community asks for one reporting template.\n\nSee the [draft guidance]({AdvisoryUrl}).", null, staff, CancellationToken.None);
        return id;
    }
}
