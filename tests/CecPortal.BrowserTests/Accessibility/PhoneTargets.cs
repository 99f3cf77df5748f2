using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Accessibility;

/// <summary>
/// axe-core's target-size rule alone, run again in a page that a full scan has just loaded axe-core into: a phone's
/// width changes the layout, not the document, so axe-core (half a megabyte of script) is not injected a second time.
/// </summary>
internal static class PhoneTargets
{
    private const string Script = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'rule', values: ['target-size'] }, resultTypes: ['violations'] });
            return result.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? 'unknown',
                help: v.help,
                targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(', ')),
            }));
        }
        """;

    public static Task<Violation[]> RunAgainAsync(IPage page) => page.EvaluateAsync<Violation[]>(Script);

    internal sealed class Violation
    {
        public string Id { get; init; } = string.Empty;

        public string Impact { get; init; } = string.Empty;

        public string Help { get; init; } = string.Empty;

        public string[] Targets { get; init; } = [];
    }
}
