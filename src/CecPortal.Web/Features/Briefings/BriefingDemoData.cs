using System.Text;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// Demo briefings built through the entity's own methods: the last 20 days readable (sent, except the TLP:RED one,
/// which is never emailed), today's scheduled for the morning job (or published when the send time has passed),
/// tomorrow's scheduled and one draft. Products, companies and CVE numbers are fictitious.
/// </summary>
public sealed class BriefingDemoData(AppDbContext db, MarkdownRenderer markdown, IOptions<BriefingOptions> options, TimeProvider clock)
{
    public const int PastEditions = 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Briefings.AnyAsync(cancellationToken))
        {
            return;
        }

        var editorId = await db.Users.Where(u => u.Email == "editor@" + DemoSeeder.Domain).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (editorId is null)
        {
            return;
        }

        var settings = options.Value;
        var zone = settings.ResolveTimeZone();
        var now = clock.GetUtcNow();
        var today = settings.Today(clock);
        var morning = MorningSendTime(settings.SendCron);
        var sendTime = morning ?? new TimeOnly(7, 0);
        DateTimeOffset Local(DateOnly date, TimeOnly time) => new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), zone), TimeSpan.Zero);

        for (var index = 0; index < Editions.Count; index++)
        {
            var edition = Editions[index];
            var date = today.AddDays(index - PastEditions);
            var written = Min(Local(date.AddDays(-1), new TimeOnly(16, 30)), now);
            var briefing = Briefing.Create(date, Content(edition, date), editorId, written);
            if (date > today.AddDays(1))
            {
                db.Briefings.Add(briefing);
                continue;
            }

            briefing.Schedule(editorId, Min(written.AddHours(1), now));
            var sendAt = Local(date, sendTime);
            if (date < today || (date == today && morning is not null && sendAt <= now))
            {
                briefing.Publish(Min(sendAt, now));
                if (date < today && briefing.Tlp.MayBeEmailed())
                {
                    briefing.StartSending(sendAt);
                    briefing.MarkSent(sendAt.AddMinutes(4));
                }
            }

            db.Briefings.Add(briefing);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedDeliveryHistoryAsync(today, cancellationToken);
    }

    /// <summary>
    /// The ledger of the editions marked sent: delivered to every demo member, except one mailbox that has been full for
    /// the last three mornings, so the delivery pages and the staff dashboard show sent and failed counts.
    /// </summary>
    private Task<int> SeedDeliveryHistoryAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var fullMailbox = ("g.papadopoulos@" + DemoSeeder.Domain).ToUpperInvariant();
        var failingSince = today.AddDays(-3);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "LastError", "CreatedAt", "LastAttemptAt", "SentAt")
            SELECT b."Id", u."Id",
                   CASE WHEN u."NormalizedEmail" = {fullMailbox} AND b."EditionDate" >= {failingSince} THEN {(int)DeliveryStatus.Failed} ELSE {(int)DeliveryStatus.Sent} END,
                   CASE WHEN u."NormalizedEmail" = {fullMailbox} AND b."EditionDate" >= {failingSince} THEN 6 ELSE 1 END,
                   CASE WHEN u."NormalizedEmail" = {fullMailbox} AND b."EditionDate" >= {failingSince} THEN '452 4.2.2 Mailbox full (demo)' END,
                   b."SendStartedAt", b."SentAt",
                   CASE WHEN u."NormalizedEmail" = {fullMailbox} AND b."EditionDate" >= {failingSince} THEN NULL ELSE b."SentAt" END
            FROM briefings b
            CROSS JOIN "AspNetUsers" u
            WHERE b."Status" = {(int)BriefingStatus.Sent}
              AND u."NormalizedEmail" LIKE {"%@" + DemoSeeder.Domain.ToUpperInvariant()}
              AND EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = {Roles.Member})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// The time of day of a daily cron expression such as <c>0 7 * * *</c>; null for any other shape, in which case
    /// today's briefing stays scheduled and the job picks it up at its next run.
    /// </summary>
    internal static TimeOnly? MorningSendTime(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 5
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute < 60
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour < 24
            && fields[2..].All(f => f == "*")
            ? new TimeOnly(hour, minute)
            : null;
    }

    private static DateTimeOffset Min(DateTimeOffset left, DateTimeOffset right) => left < right ? left : right;

    private BriefingContent Content(Edition edition, DateOnly date)
    {
        var body = new StringBuilder();
        body.Append(edition.Lead).Append("\n\n## Top stories\n\n");
        foreach (var (heading, story) in edition.Stories)
        {
            body.Append("### ").Append(heading).Append("\n\n").Append(story).Append("\n\n");
        }

        if (edition.Vulnerabilities.Count > 0)
        {
            body.Append("## Patch now\n\n");
            foreach (var entry in edition.Vulnerabilities)
            {
                body.Append("- **").Append(entry.CveId).Append("** in ").Append(entry.Product).Append(": ").Append(entry.Summary).Append('\n');
            }

            body.Append('\n');
        }

        if (edition.Table is { } table)
        {
            body.Append(table).Append("\n\n");
        }

        body.Append("## What we recommend\n\n");
        var step = 1;
        foreach (var action in edition.Actions)
        {
            body.Append(step++).Append(". ").Append(action).Append('\n');
        }

        body.Append("\n> Questions or an incident to share? Reply to the editors or raise it in the next peer webinar. Edition of ")
            .Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append(".\n");
        var text = body.ToString();
        return new BriefingContent(edition.Title, text, markdown.Render(text), edition.Tlp, edition.Vulnerabilities);
    }

    private sealed record Edition(
        string Title,
        TlpLabel Tlp,
        string Lead,
        IReadOnlyList<(string Heading, string Text)> Stories,
        IReadOnlyList<VulnerabilityEntry> Vulnerabilities,
        IReadOnlyList<string> Actions,
        string? Table = null);

    private static VulnerabilityEntry Vulnerability(string cve, string product, VulnerabilitySeverity severity, string summary, string? link = null) =>
        new() { CveId = cve, Product = product, Severity = severity, Summary = summary, Link = link };

    /// <summary>Oldest first: index 0 is 20 days ago, index 20 today, 21 tomorrow, 22 a draft for the day after.</summary>
    private static readonly IReadOnlyList<Edition> Editions =
    [
        new(
            "Ransomware crew targets European logistics hubs",
            TlpLabel.Amber,
            "Three members in transport and logistics reported intrusions through exposed remote-access gateways this week. The pattern matches a crew that has been active since the summer.",
            [
                ("Gateway appliances as the way in", "The attackers used **CVE-2026-41207** in the *Northwind Gateway VPN* before the vendor's fix was widely deployed. Once inside they harvested domain credentials within hours."),
                ("Double extortion, short deadlines", "Victims were given 72 hours before a leak-site listing. Members who had tested offline backups recovered their warehouse systems in under two days."),
            ],
            [
                Vulnerability("CVE-2026-41207", "Northwind Gateway VPN 9.x", VulnerabilitySeverity.Critical, "Pre-authentication remote code execution in the web portal.", "https://example.org/advisories/northwind-2026-07"),
                Vulnerability("CVE-2026-41212", "Northwind Gateway VPN 9.x", VulnerabilitySeverity.High, "Session tokens not invalidated after password change."),
            ],
            ["Patch or isolate Northwind Gateway appliances today.", "Reset credentials of accounts that signed in through the gateway since 1 October.", "Check that backups of warehouse systems are offline and restorable."]),
        new(
            "NIS2 incident reporting: what national authorities ask for in practice",
            TlpLabel.Green,
            "Several national authorities have now published their templates for the 24-hour early warning. We compared them so you do not have to.",
            [
                ("The early warning is short", "All templates ask for the suspected cause, whether the incident may be malicious and any cross-border impact. None asks for indicators of compromise at this stage."),
                ("The 72-hour notification differs more", "Some authorities want a severity assessment on their own scale; others accept the ENISA taxonomy. Keep a mapping ready."),
            ],
            [],
            ["Add the national template to your incident runbook.", "Name a deputy for the 24-hour report: incidents do not respect holidays."],
            "| Country | Early warning portal | Accepts English |\n|---|---|---|\n| Belgium | Online form | Yes |\n| France | Online form | Partly |\n| Germany | Portal and email | No |\n| Netherlands | Online form | Yes |"),
        new(
            "Phishing wave impersonates tax authorities in four countries",
            TlpLabel.Clear,
            "A phishing campaign using tax-refund lures hit finance departments in Belgium, Spain, Italy and Portugal. The messages pass basic SPF checks because they are sent through a compromised bulk-mail provider.",
            [
                ("Lure and landing page", "The emails link to a cloned login page for *Helix FileShare* that captures passwords and one-time codes in real time."),
                ("Why MFA alone did not help", "The kit relays one-time codes to the real service within seconds. Only phishing-resistant methods (FIDO2 keys, passkeys) stopped it."),
            ],
            [Vulnerability("CVE-2026-39911", "Helix FileShare Server 4.2", VulnerabilitySeverity.Medium, "Open redirect used to make phishing links look legitimate.")],
            ["Warn finance teams with a screenshot of the lure.", "Move administrators and finance approvers to phishing-resistant MFA."]),
        new(
            "Critical flaw in widely used PLC management software",
            TlpLabel.Amber,
            "A researcher disclosed an authentication bypass in *Aurora PLC Manager*, used in water treatment and manufacturing plants across Europe.",
            [
                ("Impact on operational technology", "An attacker on the plant network can upload modified logic to controllers without credentials. No exploitation has been seen yet."),
                ("Vendor response", "The vendor released version 6.4.2 and a workaround that disables the legacy project-sync service."),
            ],
            [
                Vulnerability("CVE-2026-40388", "Aurora PLC Manager 6.x", VulnerabilitySeverity.Critical, "Authentication bypass in the project-sync service allows logic upload.", "https://example.org/advisories/aurora-6-4-2"),
                Vulnerability("CVE-2026-40389", "Aurora PLC Manager 6.x", VulnerabilitySeverity.Medium, "Cleartext storage of engineering workstation credentials."),
            ],
            ["Disable the project-sync service where it is not needed.", "Make sure engineering workstations are not reachable from the office network.", "Plan the upgrade to 6.4.2 in the next maintenance window."]),
        new(
            "Supply-chain compromise of a popular build plugin",
            TlpLabel.Amber,
            "A malicious release of the *Tessera Build Cache* plugin was published for six hours before it was pulled. It exfiltrated environment variables from CI runners.",
            [
                ("Who is affected", "Pipelines that install the plugin without pinning a version and ran between 02:00 and 08:00 UTC on Tuesday."),
                ("Secrets to rotate", "Cloud keys, package registry tokens and deployment credentials present in the CI environment must be considered exposed."),
            ],
            [Vulnerability("CVE-2026-42001", "Tessera Build Cache plugin 3.8.1", VulnerabilitySeverity.Critical, "Malicious release exfiltrates CI environment variables.")],
            ["Search build logs for version 3.8.1.", "Rotate every secret available to affected runners.", "Pin plugin versions and verify checksums."]),
        new(
            "Weekend reading: board reporting that works",
            TlpLabel.Clear,
            "A lighter edition. Members shared how they report cyber risk to their boards after NIS2 made management bodies personally accountable.",
            [
                ("Fewer metrics, more decisions", "The most effective reports fit on one page and end with a decision the board is asked to take."),
                ("Training for directors", "NIS2 requires management bodies to follow training. Members found that a two-hour tabletop exercise taught more than slides."),
            ],
            [],
            ["Share your board report template with the community (anonymised).", "Schedule a tabletop exercise with your board before the end of the year."]),
        new(
            "Hypervisor escape under active exploitation",
            TlpLabel.Amber,
            "The vendor of *Quartzline Hypervisor* confirmed limited, targeted exploitation of a guest-to-host escape. Two members in the financial sector found related indicators.",
            [
                ("Attack chain", "Initial access through a compromised virtual desktop, then the escape to the host, then movement to the backup network."),
                ("Detection", "Look for unexpected crashes of the virtual device emulator on hosts, followed by new local accounts on the host."),
            ],
            [
                Vulnerability("CVE-2026-38820", "Quartzline Hypervisor 8.0", VulnerabilitySeverity.Critical, "Guest-to-host escape through the virtual network adapter."),
                Vulnerability("CVE-2026-38821", "Quartzline Hypervisor 8.0", VulnerabilitySeverity.High, "Privilege escalation in the host management agent."),
                Vulnerability("CVE-2026-38825", "Quartzline Management Console", VulnerabilitySeverity.Medium, "Stored cross-site scripting in VM descriptions."),
            ],
            ["Patch hosts that run virtual desktops first.", "Separate the backup network from hypervisor management."],
            "| Indicator | Type | Seen at |\n|---|---|---|\n| `qlx-emu` crash loop | Host log | 2 members |\n| Local account `svc_diag` | Host account | 1 member |"),
        new(
            "Energy sector: coordinated scanning of substation gateways",
            TlpLabel.AmberStrict,
            "A member in the energy sector detected coordinated scanning of substation communication gateways from infrastructure linked to a state-sponsored group. Share only within your organisation.",
            [
                ("What was seen", "Low-and-slow scanning of IEC 60870-5-104 ports from rented servers, rotating every few hours, over three weeks."),
                ("Why it matters", "The same infrastructure was used before disruptive attacks elsewhere. No intrusion has been confirmed."),
            ],
            [Vulnerability("CVE-2026-37754", "Lumen Substation Gateway 2.x", VulnerabilitySeverity.High, "Denial of service by malformed protocol frames.")],
            ["Check firewall logs for the scanning pattern described in the annex sent to energy members.", "Confirm that substation gateways are not reachable from the internet."]),
        new(
            "Identity provider outage exposes single points of failure",
            TlpLabel.Amber,
            "A four-hour outage of the *Orbis Identity Cloud* left many organisations unable to sign in to anything. It was not an attack, but it was a useful stress test.",
            [
                ("Break-glass accounts", "Members with tested break-glass accounts restored access to critical systems within minutes. Others waited for the vendor."),
                ("Contracts", "Check what your contract says about availability and credits: most members found nothing useful."),
            ],
            [],
            ["Test your break-glass procedure this quarter.", "List the systems that cannot be reached when the identity provider is down."]),
        new(
            "Mail server flaw lets attackers read mailboxes",
            TlpLabel.Amber,
            "An information disclosure in *Corvid Mail Server* lets an authenticated user read other users' mailboxes through the calendar sharing feature.",
            [
                ("Exploitation", "A proof of concept is public. Expect insiders and attackers with one stolen account to try it."),
                ("Mitigation", "Disabling external calendar sharing blocks the known exploit path until the patch is installed."),
            ],
            [
                Vulnerability("CVE-2026-43110", "Corvid Mail Server 2024", VulnerabilitySeverity.High, "Authenticated users can read other mailboxes through calendar sharing.", "https://example.org/advisories/corvid-43110"),
                Vulnerability("CVE-2026-43114", "Corvid Mail Server 2024", VulnerabilitySeverity.Medium, "Header injection in automatic replies."),
            ],
            ["Install the cumulative update.", "Review mailbox audit logs for unusual cross-mailbox access."]),
        new(
            "Health sector: ransomware hits a regional hospital network",
            TlpLabel.Amber,
            "A regional hospital network moved to paper procedures after ransomware encrypted its patient record system. A member shared a first account of the response.",
            [
                ("Clinical impact", "Emergency admissions were redirected for 36 hours. Radiology and laboratory systems were the hardest to restore."),
                ("Lessons shared", "The downtime procedures existed but had not been printed. The hospital now keeps paper copies in every ward."),
            ],
            [Vulnerability("CVE-2026-36602", "Meridian Backup Suite 11", VulnerabilitySeverity.High, "Backup catalogue can be deleted with domain user rights.")],
            ["Print your downtime procedures.", "Check that backup catalogues cannot be deleted with ordinary domain rights."]),
        new(
            "Law enforcement takes down a major botnet",
            TlpLabel.Clear,
            "A coordinated operation by European police forces took down the command infrastructure of a botnet used to deliver ransomware loaders.",
            [
                ("What changes for you", "Loader traffic should drop, but the operators have rebuilt quickly before. Keep your detections in place."),
                ("Notifications", "National CSIRTs are notifying owners of infected machines. Expect letters through your CSIRT contact."),
            ],
            [],
            ["Make sure your CSIRT has an up-to-date contact for your organisation."]),
        new(
            "Firewall appliances: authentication bypass and a hard-coded key",
            TlpLabel.Amber,
            "Two serious issues in *Bastion NGFW* appliances were disclosed together. One is exploited in the wild.",
            [
                ("The exploited one", "An authentication bypass in the management interface, exploited to create administrator accounts. Management interfaces exposed to the internet are at risk."),
                ("The hard-coded key", "A static key used to encrypt configuration backups means exported backups can be decrypted by anyone."),
            ],
            [
                Vulnerability("CVE-2026-44501", "Bastion NGFW OS 7.2", VulnerabilitySeverity.Critical, "Management interface authentication bypass, exploited in the wild."),
                Vulnerability("CVE-2026-44502", "Bastion NGFW OS 7.2", VulnerabilitySeverity.High, "Hard-coded key protects configuration backups."),
            ],
            ["Remove management interfaces from the internet.", "Look for administrator accounts created in the last 30 days.", "Treat exported configuration backups as exposed."]),
        new(
            "Cloud storage misconfiguration leaks engineering data",
            TlpLabel.Amber,
            "A manufacturer's engineering drawings were found in a public cloud storage bucket by a researcher. The bucket had been public for two years.",
            [
                ("How it happened", "A test environment was cloned from production, including data, without the production access policy."),
                ("Detection gap", "The organisation's cloud posture tool covered production accounts only."),
            ],
            [],
            ["Extend posture monitoring to every cloud account, test ones included.", "Forbid production data in test environments, or mask it."]),
        new(
            "Mobile device management server exploited for initial access",
            TlpLabel.Amber,
            "Attackers exploited a path traversal in *Pillar MDM* to plant a web shell, then pushed a malicious profile to managed phones.",
            [
                ("Targets", "Public administration and telecoms in Central Europe, according to two national CSIRTs."),
                ("Indicators", "New configuration profiles with generic names such as *Security Update* that install a root certificate."),
            ],
            [Vulnerability("CVE-2026-35517", "Pillar MDM Server 5.x", VulnerabilitySeverity.Critical, "Path traversal leads to remote code execution.")],
            ["Patch the MDM server and review its web directory for unknown files.", "Audit configuration profiles pushed in the last month."]),
        new(
            "Ransomware negotiation: members compare notes",
            TlpLabel.Red,
            "Notes from Tuesday's closed session on a live ransomware negotiation at a member organisation. For the participants of that session only: do not forward or discuss outside it.",
            [
                ("Negotiation timeline", "The member shared the negotiation timeline, the intermediaries involved and the decision points of its crisis team."),
                ("Legal advice", "Outside counsel's view on sanctions screening of the threat actor was discussed in detail."),
            ],
            [Vulnerability("CVE-2026-34409", "Stratus Remote Support 12", VulnerabilitySeverity.Critical, "Authentication bypass used for initial access in the case discussed.")],
            ["Do not share these notes.", "Contact the member through the editors if you can offer help."]),
        new(
            "Browser zero-day patched: update now",
            TlpLabel.Clear,
            "The major browsers shipped emergency updates for a type confusion flaw in a shared JavaScript engine that was exploited in targeted attacks.",
            [
                ("Who is targeted", "Journalists and government officials so far, through links in messaging apps."),
                ("Managed fleets", "Force the update and a restart: many users keep browsers open for weeks."),
            ],
            [Vulnerability("CVE-2026-45003", "Shared JavaScript engine (all major browsers)", VulnerabilitySeverity.High, "Type confusion leads to code execution in the renderer.")],
            ["Force browser updates with a restart deadline of 48 hours."]),
        new(
            "DORA: first register of information submitted, what supervisors found",
            TlpLabel.Green,
            "Financial supervisors published their first observations on the registers of ICT third-party arrangements required by DORA.",
            [
                ("Common gaps", "Missing sub-contractors, inconsistent identifiers for the same provider and critical functions not mapped to contracts."),
                ("What to do before the next round", "Reconcile the register with procurement data and ask key providers for their sub-contractor lists now."),
            ],
            [],
            ["Reconcile your register of information with procurement data.", "Ask critical ICT providers for sub-contractor lists."],
            "| Gap | Share of registers |\n|---|---|\n| Sub-contractors missing | 61% |\n| Inconsistent provider identifiers | 44% |\n| Critical functions not mapped | 37% |"),
        new(
            "SD-WAN edge devices: unauthenticated command injection",
            TlpLabel.Amber,
            "A command injection in *Lumen SD-WAN Edge* can be reached without authentication when the diagnostics page is enabled, which is the default on older images.",
            [
                ("Exposure", "Internet scanning shows several thousand devices in Europe with the diagnostics page reachable."),
                ("Workaround", "Disable the diagnostics page or restrict it to the management network."),
            ],
            [
                Vulnerability("CVE-2026-46120", "Lumen SD-WAN Edge 4.1", VulnerabilitySeverity.Critical, "Unauthenticated command injection in the diagnostics page."),
                Vulnerability("CVE-2026-46121", "Lumen SD-WAN Orchestrator", VulnerabilitySeverity.Medium, "Verbose errors disclose internal addresses."),
            ],
            ["Disable the diagnostics page on every edge device.", "Upgrade to 4.1.7."]),
        new(
            "Insider risk: departing employees and cloud file sharing",
            TlpLabel.Amber,
            "Members discussed a rise in data taken by departing employees through personal cloud storage, often with no malicious intent.",
            [
                ("What works", "Clear offboarding checklists, reminders of obligations in the exit interview and data-loss alerts tuned for the last 30 days of employment."),
                ("What does not", "Blocking all personal cloud storage led to creative workarounds at two members."),
            ],
            [],
            ["Review your offboarding checklist with HR.", "Tune data-loss alerts for employees who have resigned."]),
        new(
            "Backup software flaw exploited to wipe restore points",
            TlpLabel.Amber,
            "Attackers are exploiting a flaw in *Meridian Backup Suite* to delete restore points before deploying ransomware. Today's priority patch.",
            [
                ("What the attackers do", "They use the flaw to reach the backup server's API with a low-privileged domain account and delete restore points, then encrypt production."),
                ("Immutable copies", "Members with immutable or offline copies were not affected by the deletion."),
            ],
            [
                Vulnerability("CVE-2026-47002", "Meridian Backup Suite 11", VulnerabilitySeverity.Critical, "Missing authorisation check in the restore-point API.", "https://example.org/advisories/meridian-47002"),
                Vulnerability("CVE-2026-47003", "Meridian Backup Agent", VulnerabilitySeverity.High, "Agent accepts unsigned update packages."),
            ],
            ["Patch backup servers today.", "Check that at least one copy is immutable or offline.", "Remove domain user rights from the backup server's API."]),
        new(
            "Quantum-safe migration: where members stand",
            TlpLabel.Green,
            "A short survey of members on post-quantum cryptography planning, ahead of next month's webinar.",
            [
                ("Inventories first", "Most members have started an inventory of cryptographic assets; few have finished it."),
                ("Vendors", "Ask vendors for their roadmap for the standardised algorithms, in writing."),
            ],
            [],
            ["Start or update your cryptographic inventory.", "Add post-quantum readiness questions to vendor assessments."]),
        new(
            "Draft: satellite ground station security",
            TlpLabel.Amber,
            "Draft for the editors: findings from the space sector working group on ground station security.",
            [
                ("Ground segment", "Most incidents in the sector affect the ground segment, not the satellites."),
                ("Next steps", "To be completed after the working group meets."),
            ],
            [],
            ["To be completed."]),
    ];
}
