namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// What the portal stores about people, why, on what legal basis and for how long. The periods come from
/// <see cref="RetentionOptions"/>, the same values the retention jobs use.
/// </summary>
public static class DataInventory
{
    public sealed record Entry(string Data, string Contents, string Purpose, string LegalBasis, string RetainedFor);

    public static IReadOnlyList<Entry> For(RetentionOptions retention)
    {
        static string Period(TimeSpan period) => RetentionOptions.Describe(period);
        return
        [
            new(
                "Membership application",
                "Name, work email, job title, organisation and website, country, sector, motivation, sponsor; the vetters' reviews, questions and notes; the privacy notice version you accepted.",
                "Deciding whether you can join (vetting).",
                "Steps you asked us to take before membership (GDPR Art. 6(1)(b)).",
                $"Unconfirmed: deleted {Period(retention.UnverifiedApplications)} after applying. Declined or withdrawn: deleted {Period(retention.ClosedApplications)} after the decision. Approved: kept with your membership."),
            new(
                "Member account and profile",
                "Name, email address, job title, organisation, country, sector, time zone, directory visibility, email preferences, password hash, and the date of the newest daily briefing you opened on the portal (so the home can show it as read).",
                "Running your membership: sign-in, the member directory, the daily briefing, webinars.",
                "Membership agreement (Art. 6(1)(b)).",
                "For as long as you are a member; erased on request."),
            new(
                "Yearly membership confirmation and alumni record",
                "When your confirmation of your role is due, when we asked and reminded you, when you last confirmed, when a membership lapsed, and when you left your role. An alumni record keeps your name, organisation, country, sector and membership dates, with no sign-in and no email.",
                "Keeping the community to people who hold a security leadership role, and its records whole after you leave.",
                "Membership agreement (Art. 6(1)(b)); the alumni record, legitimate interest (Art. 6(1)(f)), which you may ask us to end.",
                "For as long as you are a member; an alumni record until you ask us to erase it."),
            new(
                "Changes of organisation, country or sector",
                "The organisation, country and sector before and after a change you asked for, the new organisation's website, the automatic checks against your email address, and the vetter's decision (with the reason you were told, and the vetter's note).",
                "Confirming that members still belong to the community after a change (light re-vetting).",
                "Membership agreement (Art. 6(1)(b)).",
                $"While it waits for a vetter; then {Period(retention.ClosedApplications)} after the decision. Erased with your account."),
            new(
                "Privacy notice acceptances",
                "Which version of this notice you accepted, and when.",
                "Showing that you were informed (accountability).",
                "Legal obligation (Art. 6(1)(c), Art. 5(2)).",
                "For as long as you are a member."),
            new(
                "Briefing delivery records",
                "For each daily briefing emailed to you: status, attempts and any delivery error.",
                "Delivering the briefing and resolving bounces.",
                "Membership agreement (Art. 6(1)(b)).",
                $"{Period(retention.DeliveryDetails)}; after that only the number of emails sent and failed per briefing is kept, without names."),
            new(
                "Bounces and spam complaints",
                "For each email of ours that your mail server refused or returned, or that you reported as spam: when, the status code and the server's explanation; whether your address is marked undeliverable, and when you last confirmed it.",
                "Stopping mail to an address that no longer works, and telling you so when you sign in.",
                "Legitimate interest (Art. 6(1)(f)).",
                $"Bounce records: {Period(retention.DeliveryDetails)}. The undeliverable mark: until you confirm or change your address."),
            new(
                "Webinar registrations and talk proposals",
                "The sessions you registered for (and your place on a waiting list), reminders sent, talks you proposed.",
                "Organising the peer webinars.",
                "Membership agreement (Art. 6(1)(b)).",
                "For as long as you are a member."),
            new(
                "Sharing space",
                "The messages and topics you write (with their TLP label and earlier versions of edited messages), the channels you joined and their settings, how far you have read, mentions of you, your \"seen it too\", and when you were last active in the portal (one time, to the minute, overwritten) and which messages notification emails have covered.",
                "Letting members share experience and operational information with each other.",
                "Membership agreement (Art. 6(1)(b)).",
                $"Messages: {Period(retention.Messages)} after posting; TLP:RED messages: {Period(retention.RedMessages)}. Settings, read marks and the last-active time: for as long as you are a member (they are overwritten, not accumulated). On erasure your messages stay as \"message deleted\" by a former member, without their text."),
            new(
                "Reports of sharing-space messages",
                "The messages you reported to the moderators, your reason and note; the report keeps a copy of the message's text and label as they were, so the moderators judge what was reported.",
                "Keeping the sharing space within its rules (moderation).",
                "Legitimate interest (Art. 6(1)(f)).",
                $"Open reports until a moderator decides; then {Period(retention.MessageReports)} after the decision. On erasure your reports stay without your name or note, and reports of your messages lose their copy of your text."),
            new(
                "Consultation answers",
                "Your answers to the community's consultations (drafts and submitted answers), the country and sector of your profile when you submitted, and, in an attributed consultation, whether you agreed that staff see your name with them. In an anonymous consultation staff never see who answered what, and results only show groups of several members.",
                "Giving the community's position to the EU institutions.",
                "Membership agreement (Art. 6(1)(b)).",
                $"Submitted answers: kept with the consultation, whose results they are. Drafts never submitted: deleted {Period(retention.ConsultationDrafts)} after the consultation closes. On erasure your answers stay in the results without any link to you (anonymous), and your drafts are deleted."),
            new(
                "Emails we sent you",
                "Recipient address, subject and time of each email. The message text is deleted as soon as it is sent.",
                "Proving and troubleshooting delivery.",
                "Legitimate interest (Art. 6(1)(f)).",
                $"{Period(retention.SentEmails)} after sending."),
            new(
                "Sign-in history and audit log",
                "Sign-ins, sign-outs, password changes and staff actions: who, what, when; the client IP address and browser (user agent).",
                "Protecting the community's accounts and investigating incidents.",
                "Legitimate interest (Art. 6(1)(f)).",
                $"IP address and browser: {Period(retention.AuditClientDetails)}. The entry itself: for as long as the account exists, then only under a pseudonym."),
            new(
                "Breach notices",
                "Notices we sent you about a personal data breach that could affect you.",
                "Informing you of a breach likely to put your rights at high risk.",
                "Legal obligation (Art. 34, Art. 6(1)(c)).",
                "For as long as you are a member."),
        ];
    }
}
