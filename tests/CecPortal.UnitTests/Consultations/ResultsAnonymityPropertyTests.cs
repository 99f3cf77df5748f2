using CecPortal.Web.Features.Consultations.Results;
using static CecPortal.UnitTests.Consultations.ResultsTestData;

namespace CecPortal.UnitTests.Consultations;

/// <summary>
/// The anonymity rule on many generated consultations: <see cref="ResultsDisclosure"/> enumerates every published count
/// and every difference that subtraction can form, and finds none describing 1 to k-1 respondents.
/// </summary>
public sealed class ResultsAnonymityPropertyTests
{
    private static readonly string[] CountryPool = ["DE", "FR", "IT", "AT", "BE", "NL", "PL"];
    private static readonly string[] SectorPool = ["energy", "health", "banking", "transport", "water", "digital"];

    [Fact]
    public void Compute_ManyGeneratedRespondentSets_NoPublishedFigureOrDifferenceIsBelowK()
    {
        // Arrange
        var random = new Random(20261206);
        int crossShown = 0, withOther = 0, bothShown = 0, runs = 600;

        for (var run = 0; run < runs; run++)
        {
            var k = random.Next(2, 7);
            var responses = Generate(random, random.Next(0, 65));

            // Act
            var report = ConsultationResults.Compute(Questions, responses, k, run, CountryName, SectorName);

            // Assert
            try
            {
                ResultsDisclosure.Check(report, responses, k);
            }
            catch (ShouldAssertException e)
            {
                throw new ShouldAssertException($"run {run} (k = {k}, {responses.Count} respondents: {Describe(responses)}): {e.Message}", e);
            }

            crossShown += report.ByCountryAndSector.IsShown ? 1 : 0;
            bothShown += report.ByCountry.IsShown && report.BySector.IsShown ? 1 : 0;
            withOther += report.Breakdowns.Any(b => b.Groups.Any(g => g.Label.StartsWith("Other", StringComparison.Ordinal))) ? 1 : 0;
        }

        // The generated sets exercise what matters: merged groups, both breakdowns at once, and the cross table.
        withOther.ShouldBeGreaterThan(runs / 4);
        bothShown.ShouldBeGreaterThan(runs / 10);
        crossShown.ShouldBeGreaterThan(runs / 20);
    }

    [Fact]
    public void Check_BreakdownsSuppressedOneAtATime_IsCaught()
    {
        // Arrange: the checker must be able to fail. Each country (10, 10) and sector (7, 13) has at least 5, so a rule
        // applied to each table alone publishes all four; but energy is all German, so Germany minus energy is 3 people.
        var responses = Many(7, "DE", "energy").Concat(Many(3, "DE", "health")).Concat(Many(10, "FR", "health")).ToList();
        ResultGroup Country(string code, int n) => new(CountryName(code), n, code, CountryName(code), null, null);
        ResultGroup Sector(string key, int n) => new(SectorName(key), n, null, null, key, SectorName(key));
        var naive = ResultsReport.Create(
            5,
            20,
            new ResultBreakdown(BreakdownKind.Country, [Country("DE", 10), Country("FR", 10)], null),
            new ResultBreakdown(BreakdownKind.Sector, [Sector("health", 13), Sector("energy", 7)], null),
            new ResultBreakdown(BreakdownKind.CountryBySector, [], null),
            []);

        // Act / Assert
        Should.Throw<ShouldAssertException>(() => ResultsDisclosure.Check(naive, responses, 5)).Message.ShouldContain("minus sector Sector energy leaves 3 respondents");
    }

    /// <summary>
    /// Respondents spread unevenly (a few large countries and sectors, a tail of small ones, often concentrated so that a
    /// sector sits in one country), with every kind of answer, some questions skipped.
    /// </summary>
    private static List<ResultResponse> Generate(Random random, int count)
    {
        var countries = CountryPool.Take(random.Next(1, CountryPool.Length + 1)).ToArray();
        var sectors = SectorPool.Take(random.Next(1, SectorPool.Length + 1)).ToArray();
        var countryWeights = countries.Select(_ => Math.Pow(random.NextDouble(), 2) + 0.01).ToArray();
        var sectorWeights = sectors.Select(_ => Math.Pow(random.NextDouble(), 2) + 0.01).ToArray();

        // Some sectors belong to one country only, as in a small community.
        var home = sectors.ToDictionary(s => s, _ => random.NextDouble() < 0.4 ? countries[random.Next(countries.Length)] : null);
        var responses = new List<ResultResponse>(count);
        for (var i = 0; i < count; i++)
        {
            var sector = Pick(random, sectors, sectorWeights);
            var country = home[sector] ?? Pick(random, countries, countryWeights);
            var answers = new Dictionary<Guid, ResultAnswer>();
            if (random.NextDouble() < 0.9)
            {
                answers[Threshold.Id] = new([random.Next(Threshold.Options.Count)], null);
            }

            if (random.NextDouble() < 0.8)
            {
                answers[Acts.Id] = new([.. Enumerable.Range(0, Acts.Options.Count).Where(_ => random.NextDouble() < 0.5)], null);
            }

            if (random.NextDouble() < 0.85)
            {
                answers[Readiness.Id] = new([random.Next(5)], null);
            }

            if (random.NextDouble() < 0.5)
            {
                answers[Comments.Id] = new([], $"Comment {random.Next(1000)}");
            }

            responses.Add(new ResultResponse(country, sector, answers));
        }

        return responses;
    }

    private static string Pick(Random random, string[] values, double[] weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private static string Describe(List<ResultResponse> responses) =>
        string.Join(", ", responses.CountBy(r => $"{r.Country}/{r.Sector}").OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
