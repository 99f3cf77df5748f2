namespace CecPortal.Web.Features.Privacy;

/// <summary>Version 1 of the privacy notice, shipped with the portal and stored by the first migration of this feature.</summary>
public static class InitialPrivacyNotice
{
    public static readonly DateTimeOffset PublishedAt = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    public const string Markdown = """
        ## Who we are

        The CISOs European Community ("CEC", "we") runs this portal for its members: Chief Information Security
        Officers across Europe. We are the controller of the personal data described here. Write to the secretariat
        at privacy@cec-portal.example with any question or request.

        ## What we use your data for

        - **Membership vetting**: when you apply, our vetters use your application to decide whether you are eligible.
          The legal basis is the steps you asked us to take before a membership agreement (GDPR Art. 6(1)(b)).
        - **Running the community**: your profile, the member directory, the daily briefing, peer webinars and your
          email preferences, under the membership agreement (Art. 6(1)(b)).
        - **Security and accountability**: sign-in history and an audit log of staff actions, to protect the
          community and investigate incidents, under our legitimate interest (Art. 6(1)(f)).

        We never sell your data or use it for advertising. The data inventory below lists every kind of data we keep,
        why, and for how long.

        ## Your rights

        You may ask for a copy of your data, have it corrected or erased, object to processing or restrict it, and
        complain to your data protection authority. If a personal data breach is likely to put your rights at high
        risk, we will tell you without undue delay (Art. 34).
        """;
}
