using System.Globalization;
using System.Text;
using CecPortal.Web.Features.Briefings;

namespace CecPortal.Benchmarks;

/// <summary>
/// A deterministic briefing of realistic shape and size (about 23 KB of Markdown): summary, vulnerability table,
/// threat sections with lists, links, CVE ids, quotes and an indicator block, regulatory notes and events.
/// </summary>
internal static class SampleBriefing
{
    public const int TargetLength = 23_000;

    private static readonly string[] Vendors = ["Fortinet", "Ivanti", "Citrix", "Cisco", "Palo Alto Networks", "Microsoft", "VMware", "Atlassian", "SAP", "Oracle", "Juniper", "Zyxel", "Progress", "Veeam", "Siemens", "Schneider Electric"];
    private static readonly string[] Products = ["SSL VPN gateway", "Connect Secure", "NetScaler ADC", "IOS XE web UI", "PAN-OS GlobalProtect", "Exchange Server", "vCenter Server", "Confluence Data Center", "NetWeaver Visual Composer", "E-Business Suite", "Junos OS J-Web", "NAS firmware", "MOVEit Transfer", "Backup & Replication", "SIMATIC S7-1500", "EcoStruxure IT Gateway"];
    private static readonly string[] Actors = ["a financially motivated ransomware affiliate", "a state-aligned espionage group", "an initial-access broker", "a hacktivist collective", "an extortion crew without encryption", "a supply-chain intrusion set"];
    private static readonly string[] Sectors = ["energy", "transport", "banking", "health", "drinking water", "digital infrastructure", "public administration", "space", "manufacturing", "research"];
    private static readonly string[] Techniques = ["password spraying against VPN portals", "abuse of exposed management interfaces", "MFA fatigue prompts", "malicious OAuth consent grants", "DLL side-loading in signed binaries", "living-off-the-land with PowerShell and WMI", "SEO-poisoned installers", "QR-code phishing aimed at mobile devices"];
    private static readonly string[] Actions = ["Patch within 72 hours", "Apply the vendor mitigation now", "Restrict the management interface to a jump host", "Hunt for the listed indicators", "Rotate service-account credentials", "Disable the affected feature until patched"];

    public static string Title(DateOnly edition) => $"Daily briefing, {edition.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    public static string Markdown(DateOnly edition)
    {
        var random = new Random(2027);
        var text = new StringBuilder(TargetLength + 4_000);
        text.AppendLine(CultureInfo.InvariantCulture, $"Good morning. This is the community briefing for **{edition.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}**, compiled by the editorial team from member reports, vendor advisories and national CSIRT publications.");
        text.AppendLine();
        text.AppendLine("## Executive summary");
        text.AppendLine();
        for (var i = 0; i < 4; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {Pick(random, Vendors)} {Pick(random, Products)}: exploitation in the wild reported by members in the {Pick(random, Sectors)} sector; {Pick(random, Actions).ToLowerInvariant()}.");
        }

        text.AppendLine();
        text.AppendLine("## Vulnerabilities to act on");
        text.AppendLine();
        text.AppendLine("| CVE | Product | Severity | Exploited | Action |");
        text.AppendLine("|-----|---------|----------|-----------|--------|");
        foreach (var entry in Vulnerabilities(edition, 14))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {entry.CveId} | {entry.Product} | {entry.Severity} | {(random.Next(3) == 0 ? "yes" : "not yet")} | {Pick(random, Actions)} |");
        }

        text.AppendLine();
        var section = 0;
        while (text.Length < TargetLength - 1_200)
        {
            section++;
            var vendor = Pick(random, Vendors);
            var product = Pick(random, Products);
            text.AppendLine(CultureInfo.InvariantCulture, $"## Threat activity {section}: {vendor} {product}");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Several members observed {Pick(random, Actors)} using {Pick(random, Techniques)} to reach {vendor} {product} appliances that were still unpatched against {Cve(edition, random)}. The activity started on {edition.AddDays(-random.Next(1, 9)).ToString("d MMMM", CultureInfo.InvariantCulture)} and targeted organisations in the {Pick(random, Sectors)} and {Pick(random, Sectors)} sectors across at least {random.Next(3, 12)} member states.");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"The vendor published [advisory {vendor.ToUpperInvariant()[..3]}-{edition.Year}-{random.Next(100, 999)}](https://security.example.com/advisories/{random.Next(10_000, 99_999)}) with fixed versions. Where patching must wait for a maintenance window, apply the mitigation and restrict the `/remote/logincheck` and `/api/v1/admin` paths to trusted networks.");
            text.AppendLine();
            text.AppendLine("What we know so far:");
            text.AppendLine();
            for (var i = 0; i < 4; i++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"1. {Pick(random, Techniques)[..1].ToUpperInvariant()}{Pick(random, Techniques)[1..]} preceded the exploitation in {random.Next(2, 20)} reported cases.");
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"> A member CISO in the {Pick(random, Sectors)} sector: \"We saw the first probes within hours of the advisory. Our exposure review took longer than the patch itself.\"");
            text.AppendLine();
            text.AppendLine("Recommended actions:");
            text.AppendLine();
            for (var i = 0; i < 3; i++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- [ ] {Pick(random, Actions)} for every internet-facing {product} instance.");
            }

            text.AppendLine();
            if (section % 3 == 0)
            {
                text.AppendLine("Indicators shared by members (defanged, documentation ranges):");
                text.AppendLine();
                text.AppendLine("```text");
                for (var i = 0; i < 6; i++)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"198.51.100.{random.Next(1, 254)}  sha256:{random.NextInt64():x16}{random.NextInt64():x16}{random.NextInt64():x16}{random.NextInt64():x16}");
                }

                text.AppendLine("```");
                text.AppendLine();
            }
        }

        text.AppendLine("## Regulation and supervision");
        text.AppendLine();
        text.AppendLine("NIS2 transposition continues: national authorities published guidance on incident notification thresholds (early warning within 24 hours, notification within 72 hours, final report within one month). DORA register-of-information submissions are due for financial entities; members in banking report that ICT third-party mapping remains the hardest part.");
        text.AppendLine();
        text.AppendLine("## Community");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Webinar on {edition.AddDays(7).ToString("d MMMM", CultureInfo.InvariantCulture)}: *Tabletop exercises that boards actually attend*. Register in the portal.");
        text.AppendLine("- The sector working group on OT remote access meets next week; contact the editors to join.");
        text.AppendLine("- Please keep reporting: every observation, however small, helps peers act earlier.");
        return text.ToString();
    }

    public static IReadOnlyList<VulnerabilityEntry> Vulnerabilities(DateOnly edition, int count)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count)
            .Select(i => new VulnerabilityEntry
            {
                CveId = $"CVE-{edition.Year}-{21_000 + i * 37}",
                Product = $"{Vendors[i % Vendors.Length]} {Products[i % Products.Length]}",
                Severity = (VulnerabilitySeverity)random.Next(2, 5),
                Summary = "Authentication bypass leading to remote code execution on the management interface.",
                Link = $"https://security.example.com/advisories/{30_000 + i}",
            })
            .ToList();
    }

    private static string Cve(DateOnly edition, Random random) => $"CVE-{edition.Year}-{random.Next(20_000, 29_999)}";

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
