using CecPortal.Web.Features.Demo;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// Demo consultations built through the entities' own methods: one open anonymous consultation on NIS2
/// incident-reporting thresholds that most demo members have answered (the main demo member has not, so a newcomer can
/// answer it), and one published DORA consultation with its position paper and the institution's response, answered
/// by every demo member some weeks ago. Answers are inserted directly, so no email is sent. Runs once: a database with
/// any consultation is left alone.
/// </summary>
public sealed class ConsultationDemoData(AppDbContext db, TimeProvider clock)
{
    public const string OpenTitle = "NIS2 incident-reporting thresholds";
    public const string PublishedTitle = "DORA register of information: templates and proportionality";

    private const string Policy = DemoSeeder.PolicyEmail;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Consultations.AnyAsync(cancellationToken))
        {
            return;
        }

        var emails = DemoSeeder.Members.Select(m => m.Email).Append(Policy).ToList();
        var people = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!))
            .Select(u => new { u.Id, u.Email, u.UserName, u.CountryCode, u.SectorCode })
            .ToListAsync(cancellationToken);
        if (people.Count != emails.Count)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var policy = people.Single(p => p.Email == Policy);
        var staff = new Actor(policy.Id, policy.UserName ?? Policy);
        var members = people.Where(p => p.Email != Policy).OrderBy(p => p.Email, StringComparer.Ordinal).ToList();

        var open = Consultation.Create(
            new ConsultationDetails(
                OpenTitle,
                "European Commission (DG CONNECT)",
                "NIS2 Directive, implementing act on significant incidents (Art. 23(11))",
                "The Commission asks how the thresholds for a **significant incident** should be set for the sectors the implementing act covers.\n\n"
                + "Tell us whether the 24-hour early warning works in practice and which criteria should count. The community's position goes to DG CONNECT.",
                now.AddDays(21),
                ConsultationMode.Anonymous,
                [],
                []),
            staff,
            now.AddDays(-4));
        var early = open.AddQuestion(QuestionKind.SingleChoice, "Is a 24-hour early warning workable for your organisation?", ["Yes", "Only for clearly significant incidents", "No: 72 hours would be realistic"], required: true);
        var clarity = open.AddQuestion(QuestionKind.Scale, "How clear are the proposed significance thresholds?", ["Very unclear", "Unclear", "Neutral", "Clear", "Very clear"], required: true);
        var criteria = open.AddQuestion(QuestionKind.MultipleChoice, "Which criteria should make an incident significant?", ["Users affected", "Duration of the outage", "Financial loss", "Cross-border impact", "Data exfiltrated"], required: false);
        var remarks = open.AddQuestion(QuestionKind.FreeText, "Anything the Commission should hear from CISOs?", [], required: false);
        open.Open(now.AddDays(-3));
        db.Consultations.Add(open);

        string[] texts =
        [
            "Count the hours from when we know the incident is significant, not from first detection.",
            "One form for NIS2, DORA and GDPR notifications would save hours when they matter most.",
            "Thresholds per sector, please: a hospital and a cloud provider do not measure impact alike.",
        ];
        var answering = members.Where(m => m.Email != "member@" + DemoSeeder.Domain).ToList();
        for (var i = 0; i < answering.Count; i++)
        {
            var member = answering[i];
            var response = ConsultationResponse.Start(open.Id, member.Id, now.AddDays(-2));
            List<ConsultationAnswer?> answers =
            [
                ConsultationAnswer.To(early, [i % 3], null),
                ConsultationAnswer.To(clarity, [(i * 2) % 5], null),
                ConsultationAnswer.To(criteria, [i % 5, (i + 3) % 5], null),
                i < texts.Length ? ConsultationAnswer.To(remarks, [], texts[i]) : null,
            ];
            if (i == answering.Count - 1)
            {
                // The last one only saved a draft: drafts do not count until submitted.
                response.SaveDraft([.. answers.OfType<ConsultationAnswer>()], named: false, now.AddDays(-1));
            }
            else
            {
                response.Submit([.. answers.OfType<ConsultationAnswer>()], named: false, member.CountryCode, member.SectorCode, now.AddDays(-2).AddMinutes(i * 37));
            }

            db.ConsultationResponses.Add(response);
        }

        var published = Consultation.Create(
            new ConsultationDetails(
                PublishedTitle,
                "European Supervisory Authorities (EBA, EIOPA, ESMA)",
                "DORA, implementing technical standards on the register of information (Art. 28(9))",
                "The ESAs consulted on the templates financial entities use to record their ICT third-party arrangements. We asked members how heavy the templates are and what would make them proportionate.",
                now.AddDays(1),
                ConsultationMode.Anonymous,
                [],
                []),
            staff,
            now);
        var burden = published.AddQuestion(QuestionKind.Scale, "How heavy is filling in the register templates?", ["Light", "Manageable", "Heavy", "Very heavy", "Unworkable"], required: true);
        var format = published.AddQuestion(QuestionKind.SingleChoice, "Which format should the register use?", ["The proposed spreadsheet", "A structured XML/JSON format", "Whatever the national authority chooses"], required: true);
        published.Open(now);
        published.Close(now);
        published.Publish(
            "## The community's position\n\nA majority of the members who answered find the register templates **heavy or very heavy**, and most ask for one structured, machine-readable format across the Union rather than national variants.\n\n"
            + "We therefore ask the ESAs to (1) publish a single data model with a reference schema, (2) allow subcontracting chains to stop at the first material subcontractor, and (3) phase the reporting of non-critical arrangements.",
            "The ESAs thank the respondents. The final standards publish a single data model with a reference taxonomy; the subcontracting chain is limited to subcontractors that effectively underpin critical or important functions.",
            now);
        db.Consultations.Add(published);

        // The published consultation ran some weeks ago: its dates say so.
        var entry = db.Entry(published);
        entry.Property(c => c.CreatedAt).CurrentValue = now.AddDays(-75);
        entry.Property(c => c.OpenedAt).CurrentValue = now.AddDays(-70);
        entry.Property(c => c.Deadline).CurrentValue = now.AddDays(-45);
        entry.Property(c => c.ClosedAt).CurrentValue = now.AddDays(-45);
        entry.Property(c => c.PublishedAt).CurrentValue = now.AddDays(-30);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var response = ConsultationResponse.Start(published.Id, member.Id, now.AddDays(-60));
            response.Submit(
                [ConsultationAnswer.To(burden, [2 + (i % 3)], null)!, ConsultationAnswer.To(format, [i % 4 == 0 ? 0 : 1], null)!],
                named: false,
                member.CountryCode,
                member.SectorCode,
                now.AddDays(-60));
            db.ConsultationResponses.Add(response);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
