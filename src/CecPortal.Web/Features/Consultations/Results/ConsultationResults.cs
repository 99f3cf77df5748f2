using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CecPortal.Web.Features.Consultations.Results;

// The anonymity rule. k = Consultations__MinGroupSize (at least 2).
//
// 1. Fewer than k respondents: nothing is published but that fact (not even the count).
// 2. Every respondent belongs to one country group and one sector group: a country (or sector) is shown on its own, or it
//    is merged into "Other countries" ("Other sectors"). The published figures are the total, the country groups, the
//    sector groups and the cells "country group x sector group", each as a respondent count and, per question, the
//    number who answered, the count per option and a scale's mean.
// 3. The rule: every non-empty cell of that grid (shown or other country x shown or other sector) holds at least k
//    respondents. The grid includes the "Other" row and column: a shown country whose respondents in merged sectors are
//    fewer than k breaks it, exactly like a small cell of two shown groups.
//
// Why that is enough, across the three breakdowns and the total: every published group (the total, a country group, a
// sector group, a cell) is a union of grid cells, and every published figure is a sum over the respondents of one such
// group, so it is the sum of the same figure over the cells it covers. Any sum or difference of published figures (one
// breakdown against another, the total minus any of them) is therefore a combination of per-cell figures, and the set of
// respondents it can single out is a union of cells: empty or at least k people. Nobody can isolate fewer than k
// respondents by subtracting published figures, even someone who knows from the member directory which countries hold
// which sectors (so knows which groups contain which). Conversely the rule cannot be weakened: the cells are exactly the
// smallest sets that set operations on the published groups produce, and a cell of 1 to k-1 is isolated whenever the
// directory tells how two groups overlap (every energy member is German: Germany minus energy is the rest of Germany).
// The one-dimensional rule in the design (a group below k goes into "Other"; an "Other" below k takes the next smallest
// group, complementary suppression) is the special case of a single sector group.
//
// How the groups are chosen: countries and sectors with k or more respondents start out shown; while some non-empty cell
// holds fewer than k, the smallest such cell is fixed by merging one shown country or sector into "Other" (the one with
// the fewest respondents among those that dissolve the cell or, for a cell in the "Other" row or column, add people to
// it). Every step shows one group fewer, so it ends; at worst everything is "Other", a single cell of all respondents
// (at least k). The same is tried with only countries and only sectors; the choice that shows the most groups wins (then
// the one whose shown groups hold the most respondents). The choice only affects how much is shown; the rule in 3 holds
// whichever wins, and the tests check it on the output.
//
// The country x sector table is shown when both breakdowns are and it has more cells than either has groups; it
// publishes exactly the grid, so it adds no finer sets. Which countries or sectors went into "Other" is not published.
// Free text is never broken down, carries no author, country or sector, and is ordered by a keyed hash of the text with
// the consultation's seed: not by submission, and the same every time the page is drawn.
// What the rule does not cover (as for any k-anonymity): a group whose k members all gave the same answer shows that
// answer for each of them, and k-1 respondents who share their own answers can learn the k-th one's.

/// <summary>
/// Computes what may be published about a consultation's answers: totals, breakdowns by country, by sector and by both,
/// with the anonymity rule above. Pure: the caller loads the answers (without member ids) and the names.
/// </summary>
public static class ConsultationResults
{
    /// <summary>The default of <c>Consultations__MinGroupSize</c>.</summary>
    public const int DefaultMinGroupSize = 5;

    /// <summary>The smallest allowed k: a "group" of one is a person.</summary>
    public const int SmallestMinGroupSize = 2;

    public const string OtherCountries = "Other countries";
    public const string OtherSectors = "Other sectors";
    public const string NotStated = "Not stated";

    /// <summary>
    /// <paramref name="minGroupSize"/> is k; <paramref name="seed"/> orders free text (a per-consultation secret-ish number,
    /// so the order is stable for the page and independent of submission); <paramref name="countryName"/> and
    /// <paramref name="sectorName"/> turn a stored code into its name.
    /// </summary>
    public static ResultsReport Compute(
        IReadOnlyList<ResultQuestion> questions,
        IReadOnlyList<ResultResponse> responses,
        int minGroupSize,
        int seed,
        Func<string, string> countryName,
        Func<string, string> sectorName)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(countryName);
        ArgumentNullException.ThrowIfNull(sectorName);
        ArgumentOutOfRangeException.ThrowIfLessThan(minGroupSize, SmallestMinGroupSize);

        if (responses.Count < minGroupSize)
        {
            return ResultsReport.TooFew(minGroupSize);
        }

        var people = responses.Select(r => new Person(r.Country?.Trim() ?? string.Empty, r.Sector?.Trim() ?? string.Empty, r)).ToList();
        var grouping = Choose(people, minGroupSize);
        string CountryLabel(string? code) => code is null ? OtherCountries : code.Length == 0 ? NotStated : countryName(code);
        string SectorLabel(string? key) => key is null ? OtherSectors : key.Length == 0 ? NotStated : sectorName(key);

        var countries = Groups(people, p => (grouping.CountryOf(p), null), g => g.Country is null);
        var sectors = Groups(people, p => (null, grouping.SectorOf(p)), g => g.Sector is null);
        var cells = Groups(people, p => (grouping.CountryOf(p), grouping.SectorOf(p)), g => false);
        // Cells in the order of their country, then of their sector, as in the two tables.
        var countryOrder = countries.Select(g => g.Key.Country).ToList();
        var sectorOrder = sectors.Select(g => g.Key.Sector).ToList();
        cells = [.. cells.OrderBy(c => countryOrder.IndexOf(c.Key.Country)).ThenBy(c => sectorOrder.IndexOf(c.Key.Sector))];

        var countryShown = grouping.Countries.Count > 0;
        var sectorShown = grouping.Sectors.Count > 0;
        var crossShown = countryShown && sectorShown && cells.Count > Math.Max(countries.Count, sectors.Count);
        var k = minGroupSize;

        ResultGroup Group(Group g, BreakdownKind kind)
        {
            var country = kind == BreakdownKind.Sector ? null : CountryLabel(g.Key.Country);
            var sector = kind == BreakdownKind.Country ? null : SectorLabel(g.Key.Sector);
            var label = kind switch
            {
                BreakdownKind.Country => country!,
                BreakdownKind.Sector => sector!,
                _ => $"{country} · {sector}",
            };
            return new ResultGroup(label, g.People.Count, g.Key.Country, country, g.Key.Sector, sector);
        }

        var shownGroups = new List<(BreakdownKind Kind, Group Source, ResultGroup Group)>();
        ResultBreakdown Breakdown(BreakdownKind kind, bool shown, List<Group> groups, string? note)
        {
            if (!shown)
            {
                return new ResultBreakdown(kind, [], note);
            }

            var published = groups.Select(g => (kind, g, Group(g, kind))).ToList();
            shownGroups.AddRange(published);
            return new ResultBreakdown(kind, [.. published.Select(p => p.Item3)], note);
        }

        var byCountry = Breakdown(
            BreakdownKind.Country,
            countryShown,
            countries,
            !countryShown ? $"Not shown: no country could be shown on its own without leaving a group of fewer than {k} respondents, here or by subtraction from the other tables."
            : countries.Any(g => g.Key.Country is null) ? $"Countries with fewer than {k} respondents, and any that would let such a group be worked out by subtracting published figures, are counted together as “{OtherCountries}”."
            : null);
        var bySector = Breakdown(
            BreakdownKind.Sector,
            sectorShown,
            sectors,
            !sectorShown ? $"Not shown: no sector could be shown on its own without leaving a group of fewer than {k} respondents, here or by subtraction from the other tables."
            : sectors.Any(g => g.Key.Sector is null) ? $"Sectors with fewer than {k} respondents, and any that would let such a group be worked out by subtracting published figures, are counted together as “{OtherSectors}”."
            : null);
        var byCell = Breakdown(
            BreakdownKind.CountryBySector,
            crossShown,
            cells,
            !(countryShown && sectorShown) ? "Not shown: it needs both the country and the sector breakdown."
            : !crossShown ? "Not shown: with the groups above it would only repeat those tables."
            : cells.Any(g => g.Key.Country is null || g.Key.Sector is null) ? $"Cells use the groups of the two tables above, so each holds at least {k} respondents; “{OtherCountries}” and “{OtherSectors}” are the merged groups."
            : null);

        var results = questions
            .OrderBy(q => q.Position)
            .ThenBy(q => q.Id)
            .Select(q => Result(q, people, shownGroups, seed))
            .ToList();
        return ResultsReport.Create(minGroupSize, people.Count, byCountry, bySector, byCell, results);
    }

    private static QuestionResult Result(ResultQuestion question, List<Person> people, List<(BreakdownKind Kind, Group Source, ResultGroup Group)> groups, int seed)
    {
        if (question.Kind == QuestionKind.FreeText)
        {
            var texts = people
                .Select(p => p.Response.Answers.GetValueOrDefault(question.Id)?.Text?.Trim())
                .Where(t => !string.IsNullOrEmpty(t))
                .Select(t => t!)
                .ToList();
            return new QuestionResult(question, new AnswerTally(texts.Count, [], null), [], [], [], Shuffle(texts, seed));
        }

        List<GroupTally> Rows(BreakdownKind kind) =>
            [.. groups.Where(g => g.Kind == kind).Select(g => new GroupTally(g.Group, Tally(question, g.Source.People)))];

        return new QuestionResult(
            question,
            Tally(question, people),
            Rows(BreakdownKind.Country),
            Rows(BreakdownKind.Sector),
            Rows(BreakdownKind.CountryBySector),
            []);
    }

    private static AnswerTally Tally(ResultQuestion question, IEnumerable<Person> people)
    {
        var counts = new int[question.Options.Count];
        var answered = 0;
        var sum = 0;
        foreach (var person in people)
        {
            var chosen = Chosen(question, person.Response.Answers.GetValueOrDefault(question.Id));
            if (chosen.Count == 0)
            {
                continue;
            }

            answered++;
            foreach (var option in chosen)
            {
                counts[option]++;
                sum += option + 1;
            }
        }

        double? mean = question.Kind == QuestionKind.Scale && answered > 0 ? (double)sum / answered : null;
        return new AnswerTally(answered, counts, mean);
    }

    /// <summary>
    /// The valid options of an answer: indexes outside the question's options and repeats are ignored, and a single choice
    /// or scale counts only its first, so a malformed row can neither break the page nor count a respondent twice.
    /// </summary>
    private static List<int> Chosen(ResultQuestion question, ResultAnswer? answer)
    {
        var valid = (answer?.Choices ?? []).Where(i => i >= 0 && i < question.Options.Count).Distinct();
        return question.Kind == QuestionKind.MultipleChoice ? [.. valid] : [.. valid.Take(1)];
    }

    /// <summary>
    /// Free text in an order that depends on the texts and the seed only: each is ranked by an HMAC of its text keyed with
    /// the seed, so the submission order (the input order) leaves no trace and the order is the same on every page view.
    /// </summary>
    private static List<string> Shuffle(List<string> texts, int seed)
    {
        var key = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(key, seed);
        return [.. texts
            .Select(t => (Rank: Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(t))), Text: t))
            .OrderBy(x => x.Rank, StringComparer.Ordinal)
            .ThenBy(x => x.Text, StringComparer.Ordinal)
            .Select(x => x.Text)];
    }

    /// <summary>The groups of one breakdown, shown ones by size (largest first) then code, the merged one last.</summary>
    private static List<Group> Groups(List<Person> people, Func<Person, (string? Country, string? Sector)> key, Func<(string? Country, string? Sector), bool> isOther) =>
        [.. people
            .GroupBy(key)
            .Select(g => new Group(g.Key, [.. g]))
            .OrderBy(g => isOther(g.Key) ? 1 : 0)
            .ThenByDescending(g => g.People.Count)
            .ThenBy(g => g.Key.Country, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Sector, StringComparer.Ordinal)];

    private static Grouping Choose(List<Person> people, int k)
    {
        var countryTotals = people.CountBy(p => p.Country, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var sectorTotals = people.CountBy(p => p.Sector, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        HashSet<string> Large(Dictionary<string, int> totals) => [.. totals.Where(t => t.Value >= k).Select(t => t.Key)];

        Grouping[] options =
        [
            Settle(people, k, new Grouping(Large(countryTotals), Large(sectorTotals)), countryTotals, sectorTotals),
            Settle(people, k, new Grouping(Large(countryTotals), []), countryTotals, sectorTotals),
            Settle(people, k, new Grouping([], Large(sectorTotals)), countryTotals, sectorTotals),
        ];
        return options.MaxBy(g => (g.Countries.Count + g.Sectors.Count, g.Countries.Sum(c => countryTotals[c]) + g.Sectors.Sum(s => sectorTotals[s])))!;
    }

    /// <summary>Merges shown groups into "Other" until every non-empty cell of the grid holds at least k respondents.</summary>
    private static Grouping Settle(List<Person> people, int k, Grouping grouping, Dictionary<string, int> countryTotals, Dictionary<string, int> sectorTotals)
    {
        while (true)
        {
            var small = people
                .CountBy(p => (Country: grouping.CountryOf(p), Sector: grouping.SectorOf(p)))
                .Where(cell => cell.Value < k)
                .OrderBy(cell => cell.Value)
                .ThenBy(cell => cell.Key.Country is null)
                .ThenBy(cell => cell.Key.Country, StringComparer.Ordinal)
                .ThenBy(cell => cell.Key.Sector is null)
                .ThenBy(cell => cell.Key.Sector, StringComparer.Ordinal)
                .Select(cell => ((string? Country, string? Sector)?)cell.Key)
                .FirstOrDefault();
            if (small is not { } cell)
            {
                return grouping;
            }

            var candidates = new List<(bool IsCountry, string Key)>();
            if (cell.Country is { } country)
            {
                candidates.Add((true, country));
            }
            else
            {
                candidates.AddRange(grouping.Countries
                    .Where(c => people.Any(p => p.Country == c && grouping.SectorOf(p) == cell.Sector))
                    .Select(c => (true, c)));
            }

            if (cell.Sector is { } sector)
            {
                candidates.Add((false, sector));
            }
            else
            {
                candidates.AddRange(grouping.Sectors
                    .Where(s => people.Any(p => p.Sector == s && grouping.CountryOf(p) == cell.Country))
                    .Select(s => (false, s)));
            }

            if (candidates.Count == 0)
            {
                // A small "Other x Other" cell that no single merge reaches: take the smallest shown group; two merges will.
                candidates.AddRange(grouping.Countries.Select(c => (true, c)));
                candidates.AddRange(grouping.Sectors.Select(s => (false, s)));
            }

            var merge = candidates
                .OrderBy(c => c.IsCountry ? countryTotals[c.Key] : sectorTotals[c.Key])
                .ThenBy(c => c.IsCountry ? 0 : 1)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .First();
            grouping = merge.IsCountry
                ? grouping with { Countries = [.. grouping.Countries.Where(c => c != merge.Key)] }
                : grouping with { Sectors = [.. grouping.Sectors.Where(s => s != merge.Key)] };
        }
    }

    private sealed record Person(string Country, string Sector, ResultResponse Response);

    private sealed record Group((string? Country, string? Sector) Key, List<Person> People);

    /// <summary>The countries and sectors shown on their own; everyone else is in "Other".</summary>
    private sealed record Grouping(HashSet<string> Countries, HashSet<string> Sectors)
    {
        public string? CountryOf(Person person) => Countries.Contains(person.Country) ? person.Country : null;

        public string? SectorOf(Person person) => Sectors.Contains(person.Sector) ? person.Sector : null;
    }
}
