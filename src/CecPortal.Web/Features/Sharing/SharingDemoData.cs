using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Sharing.Notifications;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// The sharing space's demo, built through the entities' own methods: the community, sector and country channels (made
/// here when the start-up step has not made them yet, by the same factories), the open channel "Threat intel" and the
/// working group "Hospital incident response" with its members and one group moderator. Three topics: a vendor
/// vulnerability exploited in the wild (replies from several sectors, "seen it too" from four health members and two
/// others, mentions, one edited message with its revision, one deleted message), a NIS2 reporting question in the French
/// channel, and an incident at a hospital in the working group with one TLP:RED message. The vendor, product and CVE
/// number are fictitious; the vulnerability's first report is an active urgent alert (pinned, never mailed). Two
/// messages posted as it runs mention p.garcia, whose notification email arrives in the captured mail once she has been
/// away long enough; everyone else's history counts as notified, so starting the demo sends no mail. Runs once: a
/// database whose channels have any topic is left alone.
/// </summary>
public sealed class SharingDemoData(AppDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    public const string OpenChannelSlug = "threat-intel";
    public const string WorkingGroupSlug = "hospital-incident-response";
    public const string VulnerabilitySubject = "Ivoria Gateway VPN: CVE-2026-31337 exploited in the wild";
    public const string ReportingSubject = "NIS2 early warning within 24 hours: ANSSI or the sector CSIRT?";
    public const string AlertTitle = "Ivoria Gateway VPN CVE-2026-31337 exploited in the wild: patch to 9.4.2 now";
    public const string IncidentSubject = "Ransomware at a regional hospital: imaging and lab systems down";

    private const string Domain = "@" + DemoSeeder.Domain;
    private const string Moderator = "moderator" + Domain;
    private const string Energy = "member" + Domain;
    private const string Transport = "j.schneider" + Domain;
    private const string Banking = "l.rossi" + Domain;
    private const string Health = "p.garcia" + Domain;
    private const string DigitalInfrastructure = "k.huber" + Domain;
    private const string HealthFrance = "c.martin" + Domain;
    private const string HealthBelgium = "s.janssens" + Domain;
    private const string HealthItaly = "f.bianchi" + Domain;

    /// <summary>Health-sector CISOs besides <c>p.garcia</c>, so that one sector has enough people to show its own "seen it too" count.</summary>
    internal static readonly IReadOnlyList<DemoSeeder.DemoAccount> Accounts =
    [
        new(HealthFrance, "Claire Martin", "CISO", "Centre Hospitalier Rhône-Alpes (demo)", "FR", "health", Roles.Member),
        new(HealthBelgium, "Sofie Janssens", "Information Security Manager", "AZ Schelde Ziekenhuis (demo)", "BE", "health", Roles.Member),
        new(HealthItaly, "Francesca Bianchi", "CISO", "Ospedale San Marco (demo)", "IT", "health", Roles.Member),
    ];

    private static readonly string[] WorkingGroupMembers = [HealthFrance, HealthBelgium, HealthItaly];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Topics.AnyAsync(cancellationToken))
        {
            return;
        }

        string[] emails = [Moderator, Energy, Transport, Banking, Health, DigitalInfrastructure, HealthFrance, HealthBelgium, HealthItaly];
        var people = await db.Users.Where(u => emails.Contains(u.Email!))
            .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.FullName), cancellationToken);
        if (people.Count != emails.Length)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await EnsureProfileChannelsAsync(now, cancellationToken);
        var moderator = new Actor(people[Moderator].Id, Moderator);
        var threatIntel = Channel.Create(ChannelKind.Open, OpenChannelSlug, "Threat intel", "Indicators, campaigns and vendor advisories worth a second pair of eyes.", TlpLabel.Green, moderator, now.AddDays(-30));
        var hospitals = Channel.Create(ChannelKind.WorkingGroup, WorkingGroupSlug, "Hospital incident response", "Health-sector CISOs coordinating during live incidents at hospitals. TLP:RED is allowed here.", TlpLabel.AmberStrict, moderator, now.AddDays(-30));
        db.Channels.AddRange(threatIntel, hospitals);
        db.ChannelSubscriptions.Add(ChannelSubscription.Add(hospitals.Id, people[Health].Id, SubscriptionRole.GroupModerator, moderator, now.AddDays(-30)));
        db.ChannelSubscriptions.AddRange(WorkingGroupMembers.Select(e => ChannelSubscription.Add(hospitals.Id, people[e].Id, SubscriptionRole.Member, moderator, now.AddDays(-29))));
        db.ChannelSubscriptions.AddRange(new[] { DigitalInfrastructure, Health, Banking, Energy, Transport, HealthFrance }
            .Select(e => ChannelSubscription.Join(threatIntel.Id, people[e].Id, now.AddDays(-20))));
        await db.SaveChangesAsync(cancellationToken);

        var france = await db.Channels.SingleAsync(c => c.Kind == ChannelKind.Country && c.CountryCode == "FR", cancellationToken);
        var conversation = new Conversation(db, markdown, people, cancellationToken);
        var topics = new List<Topic>
        {
            await conversation.VulnerabilityAsync(threatIntel, now.AddDays(-2)),
            await conversation.ReportingAsync(france, now.AddDays(-1)),
            await conversation.IncidentAsync(hospitals, now.AddHours(-5)),
        };
        await db.SaveChangesAsync(cancellationToken);
        var history = conversation.Posted.Max(m => m.Seq);
        await conversation.PendingForGarciaAsync(threatIntel, topics[0], hospitals, topics[2], now);
        await db.SaveChangesAsync(cancellationToken);

        // Sequence numbers exist once the messages are stored; the topics count them as the message writer would.
        foreach (var message in conversation.Posted)
        {
            topics.Single(t => t.Id == message.TopicId).RecordMessage(message.Seq, message.CreatedAt);
        }

        // The vulnerability's first report, raised to an urgent alert by the moderator two hours ago: pinned on every
        // member's home and in "Threat intel". Seeded with no ledger rows, so starting the demo sends no mail.
        var report = conversation.Posted.First(m => m.TopicId == topics[0].Id);
        db.UrgentAlerts.Add(UrgentAlert.Raise(report, AlertTitle, people[Moderator].Id, now.AddHours(-2), new UrgentAlertOptions().AlertPinnedFor));
        await db.SaveChangesAsync(cancellationToken);
        await DemoNotifications.QuietenAsync(db, history, conversation.Posted.Max(m => m.Seq), people[Health].Id, cancellationToken);
    }

    /// <summary>The channels the start-up step makes, by the same factories, when it has not run yet (each one only if missing).</summary>
    private async Task EnsureProfileChannelsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Channels.AnyAsync(c => c.Kind == ChannelKind.Community, cancellationToken))
        {
            db.Channels.Add(Channel.Community(now));
        }

        var slugs = await db.Channels.Select(c => c.Slug).ToListAsync(cancellationToken);
        var sectors = await db.Sectors.Where(s => !db.Channels.Any(c => c.SectorCode == s.Code)).Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken);
        var countries = await db.Countries.Where(c => c.IsEligible && !db.Channels.Any(ch => ch.CountryCode == c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        db.Channels.AddRange(sectors.Select(s => Channel.ForSector(s.Code, s.Name, now))
            .Concat(countries.Select(c => Channel.ForCountry(c.Code, c.Name, now)))
            .Where(c => !slugs.Contains(c.Slug)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes the demo topics: messages through the renderer, mentions, sightings, one edit and one deletion.</summary>
    private sealed class Conversation(AppDbContext db, MarkdownRenderer markdown, Dictionary<string, (string Id, string FullName)> people, CancellationToken cancellationToken)
    {
        public List<Message> Posted { get; } = [];

        public async Task<Topic> VulnerabilityAsync(Channel channel, DateTimeOffset at)
        {
            var topic = Start(channel, VulnerabilitySubject, DigitalInfrastructure, at);
            var first = await PostAsync(channel, topic, DigitalInfrastructure, at, TlpLabel.Green, """
                Since 06:40 CET we see exploitation of **CVE-2026-31337** (pre-auth path traversal) against our Ivoria Gateway
                VPN appliances, firmware 9.2 and 9.3. Requests to `/remote/logincheck` with an encoded `..%2f` sequence, then a
                new local admin account named like a service (`svc_backup2`).

                - Vendor advisory: <https://security.ivoria.example/advisories/IVSA-2026-014>
                - Fixed in 9.4.2; no fix for 8.x yet.

                Anyone else seeing this?
                """);
            Sightings(first, at.AddMinutes(20), Health, HealthFrance, HealthBelgium, HealthItaly, Energy, Banking);

            var reply = await PostAsync(channel, topic, Health, at.AddMinutes(12), TlpLabel.Green, $"""
                Same here at two of our hospital sites, first hit at 07:05. {Mention(DigitalInfrastructure)} did your new
                accounts also get added to the `vpn-admins` group? Ours did, which let them reach the management VLAN.
                """);
            Mentions(reply, DigitalInfrastructure);

            // With the first message's count (a total only: two members of other sectors), the two shapes of "seen it too".
            Sightings(reply, at.AddMinutes(26), HealthFrance, HealthBelgium, HealthItaly, Energy, Banking, Transport);

            var answer = await PostAsync(channel, topic, DigitalInfrastructure, at.AddMinutes(18), TlpLabel.Green, "Yes, the same group.");
            var revision = answer.Edit(
                people[DigitalInfrastructure].Id,
                Body("""
                    Yes, the same group, and the same naming pattern (`svc_` plus a digit). We removed the accounts, reset the
                    appliance's local credentials and moved management to a jump host until 9.4.2 is in.
                    """),
                TlpLabel.Green,
                TimeSpan.FromMinutes(15),
                at.AddMinutes(24));
            db.MessageRevisions.Add(revision);

            var workaround = await PostAsync(channel, topic, Banking, at.AddMinutes(31), TlpLabel.Amber, """
                We are on 8.7, so no fix for us yet. The vendor's workaround (turn off the web portal, keep IPsec only) stopped
                the traffic within minutes here. Check your appliance logs for the same URI pattern before you apply it.
                """);

            // An open report for the moderators' queue: a reader doubts the workaround others may now rely on.
            db.MessageReports.Add(MessageReport.File(workaround, people[Transport].Id, ReportReason.Misleading, "The workaround did not stop the traffic on our 8.7 appliances; others may rely on it.", at.AddMinutes(45)));

            var deleted = await PostAsync(channel, topic, Transport, at.AddMinutes(40), TlpLabel.Green, "Wrong topic, sorry: this was about our Citrix farm.");
            deleted.Delete(people[Transport].Id, at.AddMinutes(41));

            var thanks = await PostAsync(channel, topic, Energy, at.AddMinutes(55), TlpLabel.Green, $"""
                Thank you all. {Mention(Health)} could you share the detection query you used for the `svc_` accounts? We run the
                same SIEM.
                """);
            Mentions(thanks, Health);
            return topic;
        }

        public async Task<Topic> ReportingAsync(Channel france, DateTimeOffset at)
        {
            var topic = Start(france, ReportingSubject, Energy, at);
            await PostAsync(france, topic, Energy, at, TlpLabel.Amber, """
                Under the French NIS2 transposition, does the 24-hour early warning go to ANSSI directly, or to our sector's
                CSIRT first? We had a near-miss last week and the two people I asked gave me two different answers.
                """);
            var answer = await PostAsync(france, topic, HealthFrance, at.AddMinutes(35), TlpLabel.Amber, $"""
                For health we send it to the sector CSIRT (CERT Santé), which forwards it to ANSSI; entities without a sector
                CSIRT notify ANSSI. Either way the 72-hour notification and the one-month final report follow the same route.
                {Mention(Energy)} when in doubt, notify both: nobody has been blamed for reporting twice.
                """);
            Mentions(answer, Energy);
            await PostAsync(france, topic, Energy, at.AddMinutes(50), TlpLabel.Amber, "Very helpful, thank you. I will put both in our runbook.");
            return topic;
        }

        public async Task<Topic> IncidentAsync(Channel hospitals, DateTimeOffset at)
        {
            var topic = Start(hospitals, IncidentSubject, Health, at);
            await PostAsync(hospitals, topic, Health, at, TlpLabel.Red, """
                Strictly for this group. One of our regional hospitals was hit overnight: PACS and the laboratory system are
                encrypted, emergency admissions are diverted since 04:00. Entry was through the Ivoria VPN before we patched.
                The ransom note names a group we have not seen before; the negotiation contact is a Tox ID.
                """);
            var question = await PostAsync(hospitals, topic, HealthFrance, at.AddMinutes(25), TlpLabel.AmberStrict, $"""
                Sorry to hear it. {Mention(Health)} is your PACS vendor on site? Ours needed 36 hours to rebuild from offline
                backups last year; we can lend you their runbook.
                """);
            Mentions(question, Health);
            await PostAsync(hospitals, topic, HealthBelgium, at.AddMinutes(40), TlpLabel.AmberStrict, """
                We have blocked the indicators from the threat-intel topic at our perimeter and are checking our own Ivoria logs
                back to last month. Nothing so far.
                """);
            await PostAsync(hospitals, topic, HealthItaly, at.AddMinutes(52), TlpLabel.AmberStrict,
                "Same check done here, clean. If you need a second incident handler on the phone tonight, call me.");
            return topic;
        }

        /// <summary>Two messages for p.garcia, posted as the demo starts: her notification email comes once she has been away long enough.</summary>
        public async Task PendingForGarciaAsync(Channel threatIntel, Topic vulnerability, Channel hospitals, Topic incident, DateTimeOffset at)
        {
            var update = await PostAsync(threatIntel, vulnerability, DigitalInfrastructure, at, TlpLabel.Green, $"""
                {Mention(Health)} the vendor has just published 9.4.3, which also closes the `vpn-admins` escalation you saw.
                """);
            Mentions(update, Health);
            var offer = await PostAsync(hospitals, incident, HealthFrance, at, TlpLabel.AmberStrict, $"""
                {Mention(Health)} our PACS vendor can send an engineer to your site tomorrow morning; call me for the contact.
                """);
            Mentions(offer, Health);
        }

        private Topic Start(Channel channel, string subject, string author, DateTimeOffset at)
        {
            var topic = Topic.Start(channel.Id, subject, people[author].Id, at);
            db.Topics.Add(topic);
            return topic;
        }

        /// <summary>
        /// Stores the message at once, with whatever was added before it: the order of messages is their identity
        /// column, given in insert order, and one save of several messages inserts them in the order of their ids,
        /// which ids made in the same millisecond do not follow.
        /// </summary>
        private async Task<Message> PostAsync(Channel channel, Topic topic, string author, DateTimeOffset at, TlpLabel tlp, string text)
        {
            var message = Message.Post(topic, people[author].Id, Body(text), channel.CheckMessageTlp(tlp, "Tlp"), at);
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            Posted.Add(message);
            return message;
        }

        private MessageBody Body(string text) => new(text, markdown.Render(text));

        private string Mention(string email) => $"@**{people[email].FullName}**";

        private void Mentions(Message message, params string[] emails) =>
            db.MessageMentions.AddRange(emails.Select(e => new MessageMention { MessageId = message.Id, UserId = people[e].Id }));

        private void Sightings(Message message, DateTimeOffset at, params string[] emails) =>
            db.MessageSightings.AddRange(emails.Select((e, i) => new MessageSighting { MessageId = message.Id, UserId = people[e].Id, CreatedAt = at.AddMinutes(i * 3) }));
    }
}
