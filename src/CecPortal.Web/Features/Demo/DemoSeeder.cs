using System.Security.Cryptography;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Deliverability;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Attestation;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Webinars;

namespace CecPortal.Web.Features.Demo;

/// <summary>
/// Demo data so a newcomer sees a living portal: one account per staff role and members across many
/// countries and NIS2 sectors. All demo accounts share one password: <c>Demo:Password</c> when configured,
/// otherwise a generated one that is printed once, on the run that creates the accounts.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<PortalUser> users, MembershipDemoData applications, BriefingDemoData briefings, WebinarDemoData webinars, SharingDemoData sharing, ConsultationDemoData consultations, AttestationDemoData attestations, DeliverabilityDemoData deliverability, IConfiguration configuration, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string Domain = "demo.cec.example";

    /// <summary>The demo vetter responsible for every demo member's country.</summary>
    public const string CountryVetterEmail = "vetter.country@" + Domain;

    /// <summary>The demo member who chose to hide from the member directory (see her profile).</summary>
    public const string HiddenFromDirectoryEmail = "n.meier@" + Domain;

    /// <summary>The demo member who turned webinar announcement emails off.</summary>
    public const string NoAnnouncementsEmail = "i.hansen@" + Domain;

    /// <summary>The demo policy officer, who runs the consultations.</summary>
    public const string PolicyEmail = "policy@" + Domain;

    /// <summary>The demo vetter responsible for every sector.</summary>
    public const string SectorVetterEmail = "vetter.sector@" + Domain;

    internal static readonly IReadOnlyList<DemoAccount> Staff =
    [
        new("admin@" + Domain, "Alex Admin", "Portal administrator", "CEC Secretariat", "BE", null, Roles.Admin),
        new(CountryVetterEmail, "Valeria Vetter", "Membership vetter", "CEC Secretariat", "IT", null, Roles.Vetter),
        new(SectorVetterEmail, "Viktor Vetter", "Membership vetter", "CEC Secretariat", "SE", null, Roles.Vetter),
        new("editor@" + Domain, "Elena Editor", "Briefing editor", "CEC Secretariat", "FR", null, Roles.Editor),
        new("moderator@" + Domain, "Mona Moderator", "Community moderator", "CEC Secretariat", "LU", null, Roles.Moderator),
        new(PolicyEmail, "Paulo Policy", "Policy officer", "CEC Secretariat", "PT", null, Roles.Policy),
    ];

    internal static readonly IReadOnlyList<DemoAccount> Members =
    [
        new("member@" + Domain, "Marie Dubois", "CISO", "Énergie Atlantique", "FR", "energy", Roles.Member),
        new("j.schneider@" + Domain, "Jonas Schneider", "Chief Information Security Officer", "Rheinbahn Logistik", "DE", "transport", Roles.Member),
        new("l.rossi@" + Domain, "Lucia Rossi", "CISO", "Banca Adriatica", "IT", "banking", Roles.Member),
        new("p.garcia@" + Domain, "Pablo García", "Head of Information Security", "Hospital Universitario Levante", "ES", "health", Roles.Member),
        new("e.dejong@" + Domain, "Eva de Jong", "CISO", "Waterbedrijf Delta", "NL", "drinking-water", Roles.Member),
        new("t.peeters@" + Domain, "Tom Peeters", "Group CISO", "Brabant Clearing", "BE", "financial-market-infrastructures", Roles.Member),
        new("k.huber@" + Domain, "Katharina Huber", "CISO", "Alpen Netz", "AT", "digital-infrastructure", Roles.Member),
        new("m.kowalski@" + Domain, "Marek Kowalski", "Director of Cybersecurity", "Ministerstwo Cyfryzacji (demo)", "PL", "public-administration", Roles.Member),
        new("a.lindqvist@" + Domain, "Anna Lindqvist", "CISO", "Nordic Orbit", "SE", "space", Roles.Member),
        new("m.virtanen@" + Domain, "Mikko Virtanen", "Chief Security Officer", "Suomi Cloud", "FI", "ict-service-management", Roles.Member),
        new("s.murphy@" + Domain, "Siobhán Murphy", "CISO", "Liffey Foods", "IE", "food", Roles.Member),
        new("r.silva@" + Domain, "Rui Silva", "Head of Cyber Defence", "Tejo Manufacturing", "PT", "manufacturing", Roles.Member),
        new("i.hansen@" + Domain, "Ingrid Hansen", "CISO", "Fjord Research Institute", "NO", "research", Roles.Member),
        new("n.meier@" + Domain, "Nina Meier", "CISO", "Helvetia Versicherungen (demo)", "CH", "other", Roles.Member),
        new("d.novak@" + Domain, "David Novák", "Information Security Officer", "Vltava Chemicals", "CZ", "chemicals", Roles.Member),
        new("g.papadopoulos@" + Domain, "Giorgos Papadopoulos", "CISO", "Aegean Post", "GR", "postal-courier", Roles.Member),
    ];

    /// <summary>The countries of the demo members, in order of first appearance.</summary>
    internal static IReadOnlyList<string> MemberCountries => [.. Members.Select(m => m.CountryCode).Distinct(StringComparer.Ordinal)];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            // A demo database from before the briefings or webinars existed gets them too (each seed skips itself once there are any).
            await SeedBriefingsAsync(cancellationToken);
            await SeedWebinarsAsync(cancellationToken);
            await SeedConsultationsAsync(cancellationToken);
            await SeedAttestationsAsync(cancellationToken);
            await SeedSharingAsync(string.IsNullOrWhiteSpace(configuration["Demo:Password"]) ? null : configuration["Demo:Password"], cancellationToken);
            return false;
        }

        var configured = configuration["Demo:Password"];
        var password = string.IsNullOrWhiteSpace(configured) ? GeneratePassword() : configured;
        var created = new Dictionary<string, PortalUser>(StringComparer.Ordinal);
        foreach (var account in Staff.Concat(Members))
        {
            created[account.Email] = await CreateAsync(account, password);
        }

        await AddVetterScopesAsync(created[CountryVetterEmail].Id, created[SectorVetterEmail].Id, cancellationToken);
        await AcceptPrivacyNoticeAsync(created.Values, cancellationToken);
        if (configuration.GetValue("Demo:SeedApplications", defaultValue: true))
        {
            await applications.SeedAsync(cancellationToken);
        }

        await SeedBriefingsAsync(cancellationToken);
        await SeedWebinarsAsync(cancellationToken);
        await SeedConsultationsAsync(cancellationToken);
        await SeedAttestationsAsync(cancellationToken);
        var sharingAccounts = await SeedSharingAsync(password, cancellationToken);

        logger.LogInformation("Demo data seeded: {Staff} staff accounts and {Members} members.", Staff.Count, Members.Count);
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Printed once, on the run that created the accounts; the password is not stored anywhere else.
            Console.WriteLine();
            Console.WriteLine("==== CEC Portal demo accounts (shown once) ====");
            Console.WriteLine($"  Password for every demo account: {password}");
            foreach (var account in Staff.Concat(Members.Take(1)))
            {
                Console.WriteLine($"  {account.Role,-7} {account.Email}");
            }

            Console.WriteLine($"  ...and {Members.Count - 1 + sharingAccounts} more members @{Domain}");
            Console.WriteLine("================================================");
            Console.WriteLine();
        }

        return true;
    }

    private async Task SeedBriefingsAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Demo:SeedBriefings", defaultValue: true))
        {
            await briefings.SeedAsync(cancellationToken);

            // A bounced address needs an emailed briefing to have bounced from.
            await deliverability.SeedAsync(cancellationToken);
        }
    }

    private async Task SeedWebinarsAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Demo:SeedWebinars", defaultValue: true))
        {
            await webinars.SeedAsync(cancellationToken);
        }
    }

    private async Task SeedConsultationsAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Demo:SeedConsultations", defaultValue: true))
        {
            await consultations.SeedAsync(cancellationToken);
        }
    }

    private async Task SeedAttestationsAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Demo:SeedAttestations", defaultValue: true))
        {
            await attestations.SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The sharing space's demo (<c>Demo:SeedSharing</c>, on unless turned off), in a demo database only (its first
    /// member exists). The accounts it needs that are missing, such as the health-sector members it adds or the
    /// moderator in a demo database from before that role, are created first: with <paramref name="password"/>, or
    /// without one (a password reset gives them one) when the database was seeded with a generated password.
    /// Returns how many accounts it created.
    /// </summary>
    private async Task<int> SeedSharingAsync(string? password, CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:SeedSharing", defaultValue: true)
            || !await db.Users.AnyAsync(u => u.Email == Members[0].Email, cancellationToken))
        {
            return 0;
        }

        var created = new List<PortalUser>();
        foreach (var account in Staff.Where(a => a.Role == Roles.Moderator).Concat(SharingDemoData.Accounts))
        {
            if (!await db.Users.AnyAsync(u => u.Email == account.Email, cancellationToken))
            {
                created.Add(await CreateAsync(account, password));
            }
        }

        if (created.Count > 0)
        {
            await AcceptPrivacyNoticeAsync(created, cancellationToken);
        }

        await sharing.SeedAsync(cancellationToken);
        return created.Count(u => !Staff.Any(a => a.Email == u.Email));
    }

    /// <summary>
    /// Every demo account has accepted the current privacy notice, so a newcomer's first sign-in goes straight to the
    /// portal; publishing a new version at /admin/privacy shows the acceptance step.
    /// </summary>
    private async Task AcceptPrivacyNoticeAsync(IEnumerable<PortalUser> accounts, CancellationToken cancellationToken)
    {
        var version = await db.PrivacyNotices.MaxAsync(n => n.Version, cancellationToken);
        var now = clock.GetUtcNow();
        db.PrivacyAcceptances.AddRange(accounts.Select(u => new PrivacyAcceptance { UserId = u.Id, Version = version, AcceptedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Two vetters, one per axis, so that every demo application can collect a country and a sector review.</summary>
    private async Task AddVetterScopesAsync(string countryVetterId, string sectorVetterId, CancellationToken cancellationToken)
    {
        db.VetterCountries.AddRange(MemberCountries.Select(code => new VetterCountry { UserId = countryVetterId, CountryCode = code }));
        var sectors = await db.Sectors.Select(s => s.Code).ToListAsync(cancellationToken);
        db.VetterSectors.AddRange(sectors.Select(code => new VetterSector { UserId = sectorVetterId, SectorCode = code }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<PortalUser> CreateAsync(DemoAccount account, string? password)
    {
        var details = new ProfileDetails(account.FullName, account.JobTitle, account.Organisation, account.CountryCode, account.SectorCode, account.Email == HiddenFromDirectoryEmail);
        var user = new PortalUser(details, clock.GetUtcNow())
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
        };
        if (account.Email == NoAnnouncementsEmail)
        {
            user.OptOutOfWebinarAnnouncements(clock.GetUtcNow());
        }

        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo account could not be created: {string.Join(' ', created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, account.Role);
        return user;
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var body = RandomNumberGenerator.GetString(alphabet, 16);
        return $"Cec-{body}-7a";
    }

    internal sealed record DemoAccount(string Email, string FullName, string JobTitle, string Organisation, string CountryCode, string? SectorCode, string Role);
}
