using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Consultations.Results;

namespace CecPortal.UnitTests.Consultations;

/// <summary>
/// Checks a results report against the respondents it came from, as someone who knows every country's and sector's
/// members would read it: every published group is turned back into its set of respondents, every published count is
/// recomputed from that set, and then every figure that subtraction can produce is enumerated.
/// </summary>
internal static class ResultsDisclosure
{
    /// <summary>The most families of disjoint groups tried per container, so that a pathological report cannot hang the run.</summary>
    private const int FamilyLimit = 200_000;

    public static void Check(ResultsReport report, IReadOnlyList<ResultResponse> responses, int k)
    {
        var n = responses.Count;
        n.ShouldBeLessThanOrEqualTo(128, "the checker holds a group as a 128-bit set");
        if (n < k)
        {
            report.HasFigures.ShouldBeFalse();
            report.Questions.ShouldBeEmpty();
            report.Breakdowns.ShouldAllBe(b => !b.IsShown);
            return;
        }

        report.Respondents.ShouldBe(n);
        var all = n == 128 ? UInt128.MaxValue : (UInt128.One << n) - 1;
        var groups = Published(report, responses);

        // Every published group: the size it claims, at least k, and the breakdowns each split everyone exactly once.
        foreach (var group in groups)
        {
            Size(group.Members).ShouldBe(group.Group.Respondents, $"{group.Name}: published size");
            Size(group.Members).ShouldBeGreaterThanOrEqualTo(k, $"{group.Name}: a published group below k");
        }

        foreach (var kind in groups.Select(g => g.Kind).Distinct())
        {
            var members = groups.Where(g => g.Kind == kind).Select(g => g.Members).ToList();
            members.Aggregate(UInt128.Zero, (a, b) => a | b).ShouldBe(all, $"{kind}: covers every respondent");
            members.Sum(Size).ShouldBe(n, $"{kind}: no respondent in two groups");
        }

        // Every published count (answered, per option, mean) is the count over the group's respondents, nothing finer.
        foreach (var result in report.Questions)
        {
            Same(Tally(result.Question, responses, all), result.Overall, $"{result.Question.Prompt}: overall");
            if (result.Question.Kind == QuestionKind.FreeText)
            {
                result.Rows(BreakdownKind.Country).Concat(result.Rows(BreakdownKind.Sector)).Concat(result.Rows(BreakdownKind.CountryBySector)).ShouldBeEmpty();
                continue;
            }

            result.Rows(BreakdownKind.Country).Count.ShouldBe(report.ByCountry.Groups.Count);
            result.Rows(BreakdownKind.Sector).Count.ShouldBe(report.BySector.Groups.Count);
            result.Rows(BreakdownKind.CountryBySector).Count.ShouldBe(report.ByCountryAndSector.Groups.Count);
            foreach (var group in groups)
            {
                var row = result.Rows(group.Kind).Single(r => r.Group == group.Group);
                Same(Tally(result.Question, responses, group.Members), row.Tally, $"{result.Question.Prompt}: {group.Name}");
            }
        }

        List<(string Name, UInt128 Members)> sets = [("Total", all), .. groups.Select(g => (g.Name, g.Members))];

        // The published tallies of each set, per question (the total's are the overall ones).
        AnswerTally TallyOf(int set, QuestionResult result) => set == 0
            ? result.Overall
            : result.Rows(groups[set - 1].Kind).Single(r => r.Group == groups[set - 1].Group).Tally;

        // Every pair of published groups: the respondents of one that are not in the other are never 1 to k-1 people;
        // where one contains the other, the difference of their sizes is not either, and the difference of each option
        // count is the count over exactly those respondents, so it too describes none or at least k.
        for (var i = 0; i < sets.Count; i++)
        {
            for (var j = 0; j < sets.Count; j++)
            {
                var ((nameA, a), (nameB, b)) = (sets[i], sets[j]);
                var difference = Size(a & ~b);
                (difference is > 0 && difference < k).ShouldBeFalse($"{nameA} minus {nameB} leaves {difference} respondents");
                if ((a & b) != b || i == j)
                {
                    continue;
                }

                var gap = Size(a) - Size(b);
                (gap is > 0 && gap < k).ShouldBeFalse($"{nameA} ({Size(a)}) minus {nameB} ({Size(b)})");
                foreach (var result in report.Questions.Where(q => q.Question.Kind != QuestionKind.FreeText))
                {
                    var (tallyA, tallyB) = (TallyOf(i, result), TallyOf(j, result));
                    var rest = Tally(result.Question, responses, a & ~b);
                    (tallyA.Answered - tallyB.Answered).ShouldBe(rest.Answered);
                    for (var option = 0; option < rest.Counts.Count; option++)
                    {
                        // The option count of A minus that of B is the count among A's respondents outside B: a set of at least k.
                        (tallyA.Counts[option] - tallyB.Counts[option]).ShouldBe(rest.Counts[option], $"{result.Question.Prompt}, option {option}: {nameA} minus {nameB}");
                    }
                }
            }
        }

        // The total, and every group, minus any sum of disjoint published groups inside it.
        foreach (var (name, container) in sets)
        {
            var inside = sets.Where(s => s.Members != container && (s.Members & container) == s.Members).Select(s => s.Members).Distinct().ToList();
            var tried = 0;
            Families(inside, 0, UInt128.Zero, container, k, name, ref tried);
        }

        // And the strongest form: the respondents that no set operation on the published groups can tell apart (same
        // membership in every group) are at least k, so no union, intersection or difference singles out fewer.
        var classes = Enumerable.Range(0, n)
            .GroupBy(i => string.Concat(sets.Select(s => ((s.Members >> i) & UInt128.One) == UInt128.One ? '1' : '0')))
            .Select(g => g.Count());
        classes.ShouldAllBe(size => size >= k, "a class of respondents that set operations on the published groups isolate");
    }

    private static void Families(List<UInt128> inside, int from, UInt128 taken, UInt128 container, int k, string name, ref int tried)
    {
        for (var i = from; i < inside.Count && tried < FamilyLimit; i++)
        {
            if ((inside[i] & taken) != UInt128.Zero)
            {
                continue;
            }

            tried++;
            var family = taken | inside[i];
            var rest = Size(container) - Size(family);
            (rest is > 0 && rest < k).ShouldBeFalse($"{name} minus a sum of disjoint published groups leaves {rest}");
            Families(inside, i + 1, family, container, k, name, ref tried);
        }
    }

    private static List<(BreakdownKind Kind, string Name, ResultGroup Group, UInt128 Members)> Published(ResultsReport report, IReadOnlyList<ResultResponse> responses)
    {
        var shownCountries = report.ByCountry.Groups.Where(g => g.CountryCode is not null).Select(g => g.CountryCode!).ToHashSet(StringComparer.Ordinal);
        var shownSectors = report.BySector.Groups.Where(g => g.SectorKey is not null).Select(g => g.SectorKey!).ToHashSet(StringComparer.Ordinal);
        bool InCountry(ResultResponse r, string? code) => code is null ? !shownCountries.Contains(r.Country.Trim()) : r.Country.Trim() == code;
        bool InSector(ResultResponse r, string? key) => key is null ? !shownSectors.Contains(r.Sector.Trim()) : r.Sector.Trim() == key;
        UInt128 Members(Func<ResultResponse, bool> member) =>
            responses.Select((r, i) => member(r) ? UInt128.One << i : UInt128.Zero).Aggregate(UInt128.Zero, (a, b) => a | b);

        var groups = new List<(BreakdownKind, string, ResultGroup, UInt128)>();
        foreach (var group in report.ByCountry.Groups)
        {
            groups.Add((BreakdownKind.Country, $"country {group.Label}", group, Members(r => InCountry(r, group.CountryCode))));
        }

        foreach (var group in report.BySector.Groups)
        {
            groups.Add((BreakdownKind.Sector, $"sector {group.Label}", group, Members(r => InSector(r, group.SectorKey))));
        }

        if (report.ByCountryAndSector.IsShown)
        {
            report.ByCountry.IsShown.ShouldBeTrue("a cross table without its country table");
            report.BySector.IsShown.ShouldBeTrue("a cross table without its sector table");
        }

        foreach (var group in report.ByCountryAndSector.Groups)
        {
            (group.CountryCode is null || shownCountries.Contains(group.CountryCode)).ShouldBeTrue($"cell {group.Label}: a country the country table merged");
            (group.SectorKey is null || shownSectors.Contains(group.SectorKey)).ShouldBeTrue($"cell {group.Label}: a sector the sector table merged");
            groups.Add((BreakdownKind.CountryBySector, $"cell {group.Label}", group, Members(r => InCountry(r, group.CountryCode) && InSector(r, group.SectorKey))));
        }

        return groups;
    }

    /// <summary>The tally of a question over a set of respondents, computed independently of the engine.</summary>
    private static AnswerTally Tally(ResultQuestion question, IReadOnlyList<ResultResponse> responses, UInt128 members)
    {
        var counts = new int[question.Kind == QuestionKind.FreeText ? 0 : question.Options.Count];
        int answered = 0, sum = 0;
        for (var i = 0; i < responses.Count; i++)
        {
            if (((members >> i) & UInt128.One) == UInt128.Zero || !responses[i].Answers.TryGetValue(question.Id, out var answer))
            {
                continue;
            }

            if (question.Kind == QuestionKind.FreeText)
            {
                answered += string.IsNullOrWhiteSpace(answer.Text) ? 0 : 1;
                continue;
            }

            var chosen = answer.Choices.Where(c => c >= 0 && c < counts.Length).Distinct().ToList();
            if (question.Kind != QuestionKind.MultipleChoice)
            {
                chosen = [.. chosen.Take(1)];
            }

            answered += chosen.Count > 0 ? 1 : 0;
            foreach (var c in chosen)
            {
                counts[c]++;
                sum += c + 1;
            }
        }

        return new AnswerTally(answered, counts, question.Kind == QuestionKind.Scale && answered > 0 ? (double)sum / answered : null);
    }

    private static void Same(AnswerTally expected, AnswerTally published, string what)
    {
        published.Answered.ShouldBe(expected.Answered, what);
        published.Counts.ShouldBe(expected.Counts, what);
        (published.Mean ?? -1).ShouldBe(expected.Mean ?? -1, 1e-9, what);
    }

    private static int Size(UInt128 members) => (int)UInt128.PopCount(members);
}
