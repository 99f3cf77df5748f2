using System.Net;
using System.Text;
using AngleSharp.Dom;
using CecPortal.IntegrationTests.Admin.Members;
using CecPortal.Testing;
using CecPortal.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Consultations.ConsultationTestKit;

namespace CecPortal.IntegrationTests.Consultations;

/// <summary>
/// The results wired into the portal: the staff results page, its CSV, the printable position paper and the members'
/// published page. With a sector of two respondents among twenty-four, none of them shows a group below k, that sector
/// on its own, or two nested groups whose difference is below k; in anonymous mode none names a respondent; while the
/// consultation is open only the count exists.
/// </summary>
public sealed class ConsultationResultsPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int K = 5;
    private const string SmallSector = "drinking-water";
    private const string SmallSectorName = "Drinking water";

    /// <summary>Two countries, two large sectors, and a sector of two that the rule must never show on its own.</summary>
    private static readonly (string Country, string Sector, int Count)[] Spread =
    [
        ("PT", "energy", 6),
        ("PT", "banking", 5),
        ("IE", "energy", 5),
        ("IE", "banking", 6),
        ("PT", SmallSector, 2),
    ];

    private static readonly int Respondents = Spread.Sum(s => s.Count);

    [Fact]
    public async Task ResultsCsvPaperAndPublishedPage_SectorOfTwoAmongTwentyFour_ShowNoGroupBelowKNorThatSectorAlone()
    {
        // Arrange
        var (id, _) = await PublishedAsync("Thresholds across sectors");
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var auditBefore = await AuditActionsAsync(portal, id);

        // Act
        var results = await policy.GetDocumentAsync($"/admin/consultations/{id}/results");
        var paper = await policy.GetDocumentAsync($"/admin/consultations/{id}/paper");
        var published = await member.GetDocumentAsync($"/consultations/{id}");
        var staffPage = await policy.GetDocumentAsync($"/admin/consultations/{id}");
        using var csvResponse = await policy.GetAsync(new Uri($"/admin/consultations/{id}/results.csv", UriKind.Relative), Token);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync(Token);
        var csv = Csv.Parse(Encoding.UTF8.GetString(bytes));
        var auditAfter = await AuditActionsAsync(portal, id);

        // Assert: every view shows the same groups, each of at least k, with the small sector inside "Other sectors".
        foreach (var (name, page) in new[] { ("results", results), ("paper", paper), ("published", published) })
        {
            ShouldShowNoSmallGroup(page, name);
        }

        results.QuerySelector("[data-testid=suppression-rule]")!.TextContent.ShouldContain($"fewer than {K} respondents");
        paper.QuerySelector("[data-testid=paper-text]")!.InnerHtml.ShouldContain("<strong>community</strong>");
        paper.QuerySelector(".consultation-paper [data-testid=consultation-results]").ShouldNotBeNull();
        paper.QuerySelector("[data-testid=paper-toolbar]")!.ClassList.ShouldContain("d-print-none");
        published.QuerySelector("[data-testid=position-paper]")!.InnerHtml.ShouldContain("<strong>community</strong>");
        published.QuerySelector("[data-testid=institution-response]")!.TextContent.ShouldContain("The Commission thanks the community");
        staffPage.QuerySelector($"[data-testid=results-link][href='/admin/consultations/{id}/results']").ShouldNotBeNull();
        staffPage.QuerySelector($"[data-testid=paper-link][href='/admin/consultations/{id}/paper']").ShouldNotBeNull();

        csvResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csvResponse.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("cec-consultation-results-");
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a byte order mark, as the member export");
        csv[0].ShouldBe(["Question", "Question text", "Breakdown", "Country", "Sector", "Respondents", "Answered", "Answer", "Count", "Share of answered (%)"]);
        var rows = csv.Skip(1).ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture) >= K);
        rows.Where(r => r[2] == "Overall").ShouldAllBe(r => r[5] == Respondents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        rows.ShouldContain(r => r[2] == "Sector" && r[4] == "Other sectors");
        rows.ShouldAllBe(r => r[4] != SmallSectorName && r[3] != SmallSectorName);
        Encoding.UTF8.GetString(bytes).ShouldNotContain(SmallSectorName);

        // Exactly one more audit entry: the export; viewing aggregates is not an action on anyone's data.
        auditAfter.Count.ShouldBe(auditBefore.Count + 1);
        auditAfter[^1].ShouldBe(ConsultationResultsReader.ExportAction);
    }

    [Fact]
    public async Task ResultsCsvPaperAndPublishedPage_AnonymousConsultation_NeverNameARespondent()
    {
        // Arrange
        var (id, members) = await PublishedAsync("Thresholds, anonymously");
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var texts = new List<string>();

        // Act
        foreach (var client in new[] { policy, admin })
        {
            foreach (var path in new[] { $"/admin/consultations/{id}/results", $"/admin/consultations/{id}/paper", $"/admin/consultations/{id}/results.csv" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
                texts.Add(await response.Content.ReadAsStringAsync(Token));
            }
        }

        using (var response = await member.GetAsync(new Uri($"/consultations/{id}", UriKind.Relative), Token))
        {
            texts.Add(await response.Content.ReadAsStringAsync(Token));
        }

        var exportNotes = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == ConsultationAdministration.Subject(id) && e.Action == ConsultationResultsReader.ExportAction)
            .Select(e => e.Note).ToListAsync(Token));
        var responseIds = await portal.WithDbAsync(db => db.ConsultationResponses.AsNoTracking().Where(r => r.ConsultationId == id).Select(r => r.Id).ToListAsync(Token));

        // Assert: the free text is there (so the pages did render the answers), and nothing that names who gave it.
        texts.Count(t => t.Contains(FreeText(0), StringComparison.Ordinal)).ShouldBe(5, "the results page twice, the paper twice and the published page show free text; the CSV does not");
        foreach (var text in texts)
        {
            foreach (var m in members)
            {
                text.ShouldNotContain(m.FullName, Case.Insensitive);
                text.ShouldNotContain(m.Email, Case.Insensitive);
                text.ShouldNotContain(m.Id, Case.Insensitive);
            }

            responseIds.ShouldAllBe(r => !text.Contains(r.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        exportNotes.Count.ShouldBe(2);
        exportNotes.ShouldAllBe(n => members.All(m => !n!.Contains(m.FullName, StringComparison.Ordinal) && !n.Contains(m.Email, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Results_WhileOpen_ShowOnlyTheCountAndNoFiguresCsvOrPaper()
    {
        // Arrange
        var id = await OpenAsync(portal, Details(title: "Still collecting", countries: ["LV"]));
        for (var i = 0; i < 6; i++)
        {
            var m = await AddMemberAsync(portal, $"Open Respondent {i}", "LV", "energy");
            await AnswerAsync(portal, id, m.Id, i % 3, $"open-answer-{i}");
        }

        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        var results = await policy.GetDocumentAsync($"/admin/consultations/{id}/results");
        using var csv = await policy.GetAsync(new Uri($"/admin/consultations/{id}/results.csv", UriKind.Relative), Token);
        using var paper = await policy.GetAsync(new Uri($"/admin/consultations/{id}/paper", UriKind.Relative), Token);
        var audit = await AuditActionsAsync(portal, id);

        // Assert
        results.QuerySelector("[data-testid=submitted-count]")!.TextContent.ShouldBe("6");
        results.QuerySelector("[data-testid=consultation-results]").ShouldBeNull();
        results.QuerySelector("[data-testid=results-csv]").ShouldBeNull();
        results.Body!.TextContent.ShouldNotContain("open-answer-");
        csv.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        paper.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        audit.ShouldNotContain(ConsultationResultsReader.ExportAction);
    }

    [Fact]
    public async Task Results_ClosedWithFewerThanK_ShowOnlyThatFactNotEvenTheCount()
    {
        // Arrange
        var id = await OpenAsync(portal, Details(title: "Too few answers", countries: ["LT"]));
        for (var i = 0; i < K - 1; i++)
        {
            var m = await AddMemberAsync(portal, $"Few Respondent {i}", "LT", "energy");
            await AnswerAsync(portal, id, m.Id, 0, $"few-answer-{i}");
        }

        await CloseAsync(portal, id);
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        var results = await policy.GetDocumentAsync($"/admin/consultations/{id}/results");
        using var csvResponse = await policy.GetAsync(new Uri($"/admin/consultations/{id}/results.csv", UriKind.Relative), Token);
        var csv = Csv.Parse(await csvResponse.Content.ReadAsStringAsync(Token));

        // Assert
        var section = results.QuerySelector("[data-testid=consultation-results]")!;
        section.QuerySelector("[data-testid=results-too-few]").ShouldNotBeNull();
        section.QuerySelectorAll("table").ShouldBeEmpty();
        section.TextContent.ShouldNotContain("few-answer-");
        section.TextContent.ShouldNotContain((K - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        csvResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Count.ShouldBe(2);
        csv[1][7].ShouldStartWith($"Fewer than {K} respondents");
    }

    [Fact]
    public async Task StaffResultPages_UnknownConsultationDraftOrAMember_AreNotFoundOrForbidden()
    {
        // Arrange
        var draft = await DraftAsync(portal, Details(title: "A draft has no results"));
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var unknown = Guid.NewGuid();
        string[] pages = ["results", "results.csv", "paper"];

        // Act
        var asStaff = new List<(string Path, HttpStatusCode Status)>();
        var asMember = new List<(string Path, HttpStatusCode Status)>();
        foreach (var page in pages)
        {
            foreach (var consultation in new[] { unknown, draft })
            {
                var path = $"/admin/consultations/{consultation}/{page}";
                using var staffResponse = await policy.GetAsync(new Uri(path, UriKind.Relative), Token);
                asStaff.Add((path, staffResponse.StatusCode));
                using var memberResponse = await member.GetAsync(new Uri(path, UriKind.Relative), Token);
                asMember.Add((path, memberResponse.StatusCode));
            }
        }

        using var notAGuid = await policy.GetAsync(new Uri("/admin/consultations/not-a-guid/results", UriKind.Relative), Token);

        // Assert
        asStaff.ShouldAllBe(x => x.Status == HttpStatusCode.NotFound);
        asMember.ShouldAllBe(x => x.Status == HttpStatusCode.Forbidden);
        notAGuid.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Members spread over <see cref="Spread"/> answer an anonymous consultation, which is closed and published through the pages.</summary>
    private async Task<(Guid Id, List<TestMember> Members)> PublishedAsync(string title)
    {
        var id = await OpenAsync(portal, Details(title: title, countries: ["PT", "IE"]));
        var members = new List<TestMember>();
        foreach (var (country, sector, count) in Spread)
        {
            for (var i = 0; i < count; i++)
            {
                var n = members.Count;
                var m = await AddMemberAsync(portal, $"Respondent{n} {Guid.NewGuid().ToString("N")[..6]}", country, sector);
                members.Add(m);

                // The small sector answers unlike everyone else, so a figure about it alone would stand out.
                await AnswerAsync(portal, id, m.Id, sector == SmallSector ? 2 : n % 2, FreeText(n));
            }
        }

        await CloseAsync(portal, id);
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        using var published = await PostFormAsync(policy, $"/admin/consultations/{id}/publish", "[data-testid=publish-form]",
        [
            F("Input.PositionPaperMarkdown", "The **community** asks for one threshold across sectors."),
            F("Input.InstitutionResponseMarkdown", "The Commission thanks the community."),
        ]);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (id, members);
    }

    private static string FreeText(int n) => $"free-view-{n:00}";

    /// <summary>
    /// The results section of <paramref name="page"/>: every group of at least k; every breakdown adds up to the total;
    /// every nested pair (total and group, group and cell) differs by 0 or at least k; the small sector never alone.
    /// </summary>
    private static void ShouldShowNoSmallGroup(IDocument page, string name)
    {
        var section = page.QuerySelector("[data-testid=consultation-results]").ShouldNotBeNull(name);
        section.GetAttribute("data-min-group-size").ShouldBe(K.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        var total = int.Parse(section.QuerySelector("[data-testid=results-respondents] strong")!.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
        total.ShouldBe(Respondents, name);

        Dictionary<string, int> Groups(string kind) => section
            .QuerySelectorAll($"[data-testid=respondents-{kind}] tbody tr")
            .ToDictionary(Key, r => int.Parse(r.QuerySelector("[data-testid=respondents]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        var countries = Groups("country");
        var sectors = Groups("sector");
        var cells = Groups("countrybysector");

        sectors.ShouldContainKey("|*", $"{name}: the small sector is counted in “Other sectors” ({string.Join(", ", sectors)}; {string.Join(", ", countries)}; {string.Join(", ", cells)})");
        cells.ShouldNotBeEmpty(name);
        foreach (var groups in new[] { countries, sectors, cells })
        {
            groups.Values.ShouldAllBe(count => count >= K, name);
            groups.Values.Sum().ShouldBe(total, name);
            groups.Values.ShouldAllBe(count => total - count == 0 || total - count >= K, name);
        }

        foreach (var (cell, count) in cells)
        {
            var country = cell.Split('|')[0];
            var sector = cell.Split('|')[1];
            var inCountry = countries[country + "|"] - count;
            var inSector = sectors["|" + sector] - count;
            (inCountry == 0 || inCountry >= K).ShouldBeTrue($"{name}: {cell} against its country");
            (inSector == 0 || inSector >= K).ShouldBeTrue($"{name}: {cell} against its sector");
        }

        // Every row of every question's tables is one of those groups, and the small sector is nowhere.
        var known = countries.Keys.Concat(sectors.Keys).Concat(cells.Keys).ToHashSet(StringComparer.Ordinal);
        section.QuerySelectorAll("tr[data-country], tr[data-sector]").ShouldAllBe(r => known.Contains(Key(r)), name);
        section.QuerySelectorAll("tr").ShouldAllBe(r => r.GetAttribute("data-sector") != SmallSector, name);
        page.Body!.TextContent.ShouldNotContain(SmallSectorName, Case.Insensitive, name);
        section.QuerySelectorAll("[data-testid=question-result]").Length.ShouldBe(4, name);
    }

    /// <summary>
    /// "country|sector" as the row names them: "*" for the merged "Other" group (an empty attribute), nothing for a
    /// dimension the row does not use.
    /// </summary>
    private static string Key(IElement row)
    {
        var table = row.Closest("[data-testid^=respondents-]")?.GetAttribute("data-testid")
            ?? row.Closest("[data-testid^=breakdown-]")?.GetAttribute("data-testid") ?? string.Empty;
        var usesCountry = !table.EndsWith("-sector", StringComparison.Ordinal);
        var usesSector = !table.EndsWith("-country", StringComparison.Ordinal);
        static string Code(IElement row, string attribute) => row.GetAttribute(attribute) is { Length: > 0 } code ? code : "*";
        return $"{(usesCountry ? Code(row, "data-country") : string.Empty)}|{(usesSector ? Code(row, "data-sector") : string.Empty)}";
    }
}
