using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Membership;

/// <summary>Demo applications in every state of the vetting queue, and a member's change of organisation waiting for a vetter, built through the real domain methods.</summary>
public sealed class MembershipDemoData(AppDbContext db, ApplicationWorkflow workflow, ProfileChangeReviews profileChanges, TimeProvider clock)
{
    /// <summary>The demo member whose move to another organisation waits for the demo vetters (light re-vetting).</summary>
    public const string MovingMemberEmail = "j.schneider@" + DemoSeeder.Domain;

    public const string MovingMemberNewOrganisation = "Hanse Hafen Logistik (demo)";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.MembershipApplications.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var countryVetter = await ReviewerAsync("vetter.country@" + DemoSeeder.Domain, coversCountry: true, coversSector: false, cancellationToken);
        var sectorVetter = await ReviewerAsync("vetter.sector@" + DemoSeeder.Domain, coversCountry: false, coversSector: true, cancellationToken);

        await AddAsync(Details("Jan Novák", "jan.novak@strojirna-demo.cz", "CISO", "Strojírna Demo", "https://www.strojirna-demo.cz", "CZ", "manufacturing"), now.AddDays(-9), null, cancellationToken);
        await AddAsync(Details("Sophie Martin", "sophie.martin.rssi@gmail.com", "RSSI", "Clinique du Lac (demo)", "https://clinique-du-lac.example", "FR", "health"), now.AddDays(-8), null, cancellationToken);
        await AddAsync(Details("Lars Eriksen", "lars.eriksen@vindkraft-demo.dk", "IT Manager", "Vindkraft Demo A/S", "https://vindkraft-demo.dk", "DK", "energy"), now.AddDays(-7), null, cancellationToken);
        await AddAsync(Details("Ana Popescu", "ana.popescu@banca-demo.ro", "Chief Information Security Officer", "Banca Demo", "https://www.banca-demo.ro", "RO", "banking"), now.AddDays(-6), app =>
            app.Review(countryVetter, ReviewVerdict.Approve, "Verified on the bank's website.", null, now.AddDays(-5)), cancellationToken);
        await AddAsync(Details("John Smith", "john.smith@cloudco-demo.com", "VP Security", "CloudCo Demo Inc.", "https://cloudco-demo.com", "US", "digital-providers"), now.AddDays(-5), null, cancellationToken);
        await AddAsync(Details("Elena Ivanova", "elena.ivanova@egov-demo.bg", "Head of Information Security", "E-Government Agency (demo)", "https://egov-demo.bg", "BG", "public-administration"), now.AddDays(-4), app =>
            app.RequestInformation(sectorVetter, "Could you describe your reporting line and the size of your security team?", now.AddDays(-3)), cancellationToken);
        await AddAsync(Details("Paolo Bianchi", "paolo.bianchi@ferrovie-demo.it", "Group CISO", "Ferrovie Demo", "https://www.ferrovie-demo.it", "IT", "transport", sponsor: "l.rossi@" + DemoSeeder.Domain), now.AddDays(-3), app =>
            app.RecordSponsorResponse(app.InviteSponsor(now.AddDays(-3)), endorse: true, "Lucia Rossi", now.AddDays(-2)), cancellationToken);
        await AddAsync(Details("Greta Berg", "greta.berg@student-demo.se", "Student", "University (demo)", "https://student-demo.se", "SE", "research"), now.AddDays(-10), app =>
            app.Review(countryVetter, ReviewVerdict.Decline, "Not in a security leadership role.", DeclineReason.NotSecurityLeadershipRole, now.AddDays(-9)), cancellationToken);

        // One still waiting for its email confirmation: not in the queue, deleted after 7 days.
        db.MembershipApplications.Add(MembershipApplication.Submit(
            Details("Pending Person", "pending.person@port-demo.nl", "CISO", "Port Demo", "https://port-demo.nl", "NL", "transport"), privacyNoticeVersion: 1, now.AddHours(-2), out _));
        await db.SaveChangesAsync(cancellationToken);
        await SeedProfileChangeAsync(cancellationToken);
    }

    /// <summary>Jonas Schneider moved to another German logistics company: the demo vetters see it under "Profile changes", flagged (his address is not the new company's).</summary>
    private async Task SeedProfileChangeAsync(CancellationToken cancellationToken)
    {
        var member = await db.Users.SingleOrDefaultAsync(u => u.Email == MovingMemberEmail, cancellationToken);
        if (member is null || await db.ProfileReviews.AnyAsync(r => r.UserId == member.Id, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (applyNow, _) = await profileChanges.RouteAsync(member, member.Details with { Organisation = MovingMemberNewOrganisation }, "https://www.hanse-hafen-demo.de", cancellationToken);
        member.ChangeProfile(applyNow);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task AddAsync(ApplicationDetails details, DateTimeOffset submittedAt, Action<MembershipApplication>? then, CancellationToken cancellationToken)
    {
        var application = MembershipApplication.Submit(details, privacyNoticeVersion: 1, submittedAt, out var token);
        db.MembershipApplications.Add(application);
        application.Verify(token, await workflow.PreCheckAsync(application, cancellationToken), submittedAt.AddHours(1));
        then?.Invoke(application);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Reviewer> ReviewerAsync(string email, bool coversCountry, bool coversSector, CancellationToken cancellationToken)
    {
        var user = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.FullName }).SingleAsync(cancellationToken);
        return new Reviewer(user.Id, user.FullName, coversCountry, coversSector);
    }

    private static ApplicationDetails Details(string name, string email, string title, string organisation, string website, string country, string sector, string? sponsor = null) =>
        new(name, email, title, organisation, website, country, sector, null, OrganisationSize.From1000To4999, null,
            "I lead information security for my organisation and would value a trusted circle of peers across Europe.", sponsor);
}
