using System.Text.RegularExpressions;
using CecPortal.Web.Features.Membership.Applications;

namespace CecPortal.Web.Features.Membership.Checks;

/// <summary>The automatic pre-checks: each flag explains itself in one line, and none rejects on its own.</summary>
public static partial class PreChecks
{
    public static IReadOnlyList<PreCheckFlag> Evaluate(MembershipApplication application, PreCheckFacts facts)
    {
        var flags = new List<PreCheckFlag>();

        // First, so vetters see it at once; the applicant is told nothing different (see docs/features.md, "Your data (GDPR)").
        if (facts.EmailBlocklisted)
        {
            flags.Add(new(FlagKind.BlockedAddress, "This address belongs to a former member who was removed for cause and erased. Only a keyed hash of it is kept; the audit log has the Admin's reason under the erasure's reference."));
        }

        if (!facts.CountryEligible)
        {
            flags.Add(CountryFlag(facts.CountryName));
        }

        if (EmailDomainFlag(application.EmailDomain, application.WebsiteDomain, facts.IsFreeMail) is { } emailFlag)
        {
            flags.Add(emailFlag);
        }

        var duplicate = DuplicateReason(application, facts);
        if (duplicate is not null)
        {
            flags.Add(new(FlagKind.PossibleDuplicate, duplicate));
        }

        if (application.SponsorEmail is not null && !facts.SponsorIsActiveMember)
        {
            flags.Add(new(FlagKind.SponsorNotActiveMember, "The named sponsor is not an active member of the community."));
        }

        if (!LooksLikeSecurityLeadership(application.JobTitle))
        {
            flags.Add(JobTitleFlag(application.JobTitle));
        }

        return flags;
    }

    public static PreCheckFlag CountryFlag(string countryName) =>
        new(FlagKind.CountryNotEligible, $"{countryName} is not among the community's eligible countries.");

    public static PreCheckFlag JobTitleFlag(string jobTitle) =>
        new(FlagKind.JobTitleNotSecurityLeadership, $"The job title \"{Shorten(jobTitle)}\" does not look like a security leadership role.");

    /// <summary>
    /// The email address against the organisation: a free-mail address, or a domain that differs from the organisation's
    /// website (or a website that could not be read). Applications and profile changes (light re-vetting) share it.
    /// </summary>
    public static PreCheckFlag? EmailDomainFlag(string emailDomain, string? websiteDomain, bool isFreeMail)
    {
        if (isFreeMail)
        {
            return new(FlagKind.FreeMailAddress, $"The address uses a free mail provider ({Shorten(emailDomain)}), not an organisation domain.");
        }

        return DomainsMatch(emailDomain, websiteDomain)
            ? null
            : new(FlagKind.EmailDomainMismatch, websiteDomain is null
                ? "The organisation website could not be read as a web address, so the email domain could not be compared."
                : $"The email domain ({Shorten(emailDomain)}) differs from the organisation website ({Shorten(websiteDomain)}).");
    }

    /// <summary>Same domain, or one a subdomain of the other (mail.example.eu and example.eu).</summary>
    public static bool DomainsMatch(string emailDomain, string? websiteDomain) =>
        websiteDomain is not null && emailDomain.Length > 0
        && (emailDomain == websiteDomain
            || emailDomain.EndsWith("." + websiteDomain, StringComparison.Ordinal)
            || websiteDomain.EndsWith("." + emailDomain, StringComparison.Ordinal));

    public static bool LooksLikeSecurityLeadership(string jobTitle) => LeadershipTitle().IsMatch(jobTitle);

    public static string Describe(this FlagKind kind) => kind switch
    {
        FlagKind.CountryNotEligible => "Country not eligible",
        FlagKind.FreeMailAddress => "Free-mail address",
        FlagKind.EmailDomainMismatch => "Email domain mismatch",
        FlagKind.PossibleDuplicate => "Possible duplicate",
        FlagKind.SponsorNotActiveMember => "Sponsor not a member",
        FlagKind.JobTitleNotSecurityLeadership => "Job title",
        FlagKind.BlockedAddress => "Blocked address",
        _ => kind.ToString(),
    };

    private static string? DuplicateReason(MembershipApplication application, PreCheckFacts facts)
    {
        if (facts.ExistingMemberWithEmail)
        {
            return "A member account with this email address already exists.";
        }

        if (facts.OpenApplicationWithEmail)
        {
            return "Another open application uses this email address.";
        }

        if (facts.ExistingMemberWithDomain is not null)
        {
            return $"An existing member ({Shorten(facts.ExistingMemberWithDomain)}) uses the same organisation domain ({Shorten(application.EmailDomain)}).";
        }

        return facts.OpenApplicationWithDomain
            ? $"Another open application comes from the same organisation domain ({Shorten(application.EmailDomain)})."
            : null;
    }

    /// <summary>Keeps every explanation within its 400-character column, whatever the applicant typed (domains can have 250 characters).</summary>
    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // English titles plus the common forms in French, German, Italian, Spanish, Dutch and the Nordics. The timeout is a
    // guard, not a budget: a job title is at most 200 characters and the pattern has one `.*`, so a match takes
    // microseconds, but the clock is the wall's, and 200 ms once ran out on "Group CISO" on a starved CI machine.
    [GeneratedRegex(
        @"\b(c\.?i\.?s\.?o|c\.?s\.?o|bisos?|rssi|cybersecurity\s+(director|lead|head|officer)|chief\s+(information\s+)?(security|cyber\s*security|cyber|trust|risk\s+and\s+security)\s+officer|chief\s+(information\s+)?security|head\s+of\s+(group\s+)?(information\s+|it\s+|cyber\s*|corporate\s+|digital\s+)?(security|cyber\s*security|cyber\s+defen[cs]e)|director\s+(of\s+)?(information\s+|it\s+|cyber\s*)?(security|cyber\s*security)|(information|it|cyber)\s*security\s+(director|officer|manager|lead)|security\s+director|vp\s+(of\s+)?(information\s+|cyber\s*)?security|vice\s+president\s+.*security|responsable\s+de\s+la\s+s[ée]curit[ée]|leiter\s+(der\s+)?(informations|it-?|cyber)\s*sicherheit|informationssicherheitsbeauftragte[rn]?|responsabile\s+(della\s+)?sicurezza|director\s+de\s+seguridad|hoofd\s+(informatie)?beveiliging|informasjonssikkerhetssjef|säkerhetschef)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LeadershipTitle();
}
