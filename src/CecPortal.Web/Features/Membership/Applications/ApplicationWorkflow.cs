using CecPortal.Web.Features.Account;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.Features.Membership.Applications;

/// <summary>
/// Every step of an application that touches more than the application itself (emails, pre-checks, the new
/// member account), each in one transaction. Pages, jobs and tests all call these methods.
/// </summary>
public sealed class ApplicationWorkflow(
    AppDbContext db,
    EmailOutbox outbox,
    UserManager<PortalUser> users,
    IDataProtectionProvider dataProtection,
    PortalUrls urls,
    EmailBlocklist blocklist,
    IOptions<MembershipOptions> options,
    TimeProvider clock)
{
    /// <summary>How many of an address's applications one re-sent email links to, newest first.</summary>
    private const int MaxResentLinks = 5;

    private readonly IDataProtector _statusLinks = dataProtection.CreateProtector("CecPortal.Membership.StatusLink.v1");

    public async Task<Guid> SubmitAsync(ApplicationDetails details, CancellationToken cancellationToken)
    {
        var noticeVersion = await db.PrivacyNotices.MaxAsync(n => n.Version, cancellationToken);
        var application = MembershipApplication.Submit(details, noticeVersion, clock.GetUtcNow(), out var verificationToken);
        db.MembershipApplications.Add(application);
        outbox.Add(EmailTemplate.Compose(
            application.WorkEmail,
            "Please confirm your application to the CISOs European Community",
            [
                $"Dear {application.FullName},",
                "Thank you for applying to join the CISOs European Community. Please confirm your email address: only confirmed applications reach our vetting team. The link is valid for 7 days.",
                $"You can follow your application at any time on your private status page: {StatusLink(application.Id)}",
                "If you did not apply, ignore this message and the application will be deleted.",
            ],
            ("Confirm my email address", urls.Absolute($"/apply/verify/{application.Id}?t={Uri.EscapeDataString(verificationToken)}"))));
        await db.SaveChangesAsync(cancellationToken);
        return application.Id;
    }

    /// <summary>Verifies the email address, runs the pre-checks and, if a sponsor was named, asks them to endorse.</summary>
    public async Task VerifyAsync(Guid applicationId, string token, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(applicationId, cancellationToken) ?? throw new ApplicationRuleException("This verification link is not valid.");
        if (application.Status != ApplicationStatus.Unverified)
        {
            application.Verify(token, [], clock.GetUtcNow());
            return;
        }

        var flags = await PreCheckAsync(application, cancellationToken);
        application.Verify(token, flags, clock.GetUtcNow());
        var sponsor = await ActiveSponsorAsync(application, cancellationToken);
        if (sponsor is not null)
        {
            var sponsorToken = application.InviteSponsor(clock.GetUtcNow());
            outbox.Add(EmailTemplate.Compose(
                sponsor.Email!,
                $"{application.FullName} named you as sponsor",
                [
                    $"Dear {sponsor.FullName},",
                    $"{application.FullName} ({application.JobTitle}, {application.Organisation}) has applied to join the CISOs European Community and named you as their sponsor.",
                    "If you know them in this role, please endorse the application. Your answer is shown to the vetting team as evidence.",
                ],
                ("Endorse or decline", urls.Absolute($"/apply/sponsor/{application.Id}?t={Uri.EscapeDataString(sponsorToken)}"))));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReviewAsync(Guid applicationId, Reviewer reviewer, ReviewVerdict verdict, string? note, DeclineReason? reason, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(applicationId, cancellationToken) ?? throw new ApplicationRuleException("There is no such application.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        application.Review(reviewer, verdict, note, reason, clock.GetUtcNow());
        if (application.Status == ApplicationStatus.Approved)
        {
            await CreateMemberAsync(application, cancellationToken);
        }
        else if (application.Status == ApplicationStatus.Declined)
        {
            outbox.Add(EmailTemplate.Compose(
                application.WorkEmail,
                "Your application to the CISOs European Community",
                [
                    $"Dear {application.FullName},",
                    "Thank you for your interest in the CISOs European Community. After review, we are not able to admit your application.",
                    application.DeclineReason!.Value.Describe(),
                    "If your situation changes, you are welcome to apply again. Thank you for your understanding.",
                ]));
        }

        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RequestInformationAsync(Guid applicationId, Reviewer reviewer, string question, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(applicationId, cancellationToken) ?? throw new ApplicationRuleException("There is no such application.");
        application.RequestInformation(reviewer, question, clock.GetUtcNow());
        outbox.Add(EmailTemplate.Compose(
            application.WorkEmail,
            "The vetting team has a question about your application",
            [$"Dear {application.FullName},", "To complete the review of your application, the vetting team asks:", question.Trim(), "Please answer on your status page."],
            ("Answer the question", StatusLink(application.Id))));
        await SaveAsync(cancellationToken);
    }

    public async Task ProvideInformationAsync(Guid applicationId, string answer, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(applicationId, cancellationToken) ?? throw new ApplicationRuleException("There is no such application.");
        application.ProvideInformation(answer, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    public async Task WithdrawAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(applicationId, cancellationToken) ?? throw new ApplicationRuleException("There is no such application.");
        application.Withdraw(clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    public async Task ReopenAsync(Guid applicationId, string adminName, string reason, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(applicationId, cancellationToken) ?? throw new ApplicationRuleException("There is no such application.");
        application.Reopen(adminName, reason, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    public async Task RespondAsSponsorAsync(Guid applicationId, string token, bool endorse, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(applicationId, cancellationToken) ?? throw new ApplicationRuleException("This sponsor link is not valid.");
        var sponsor = await ActiveSponsorAsync(application, cancellationToken);
        application.RecordSponsorResponse(token, endorse, sponsor?.FullName ?? application.SponsorEmail!, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// The applicant's private status page. The link names the application and when it was made; it works until the
    /// application is decided and for <see cref="MembershipOptions.StatusLinkLifetimeAfterDecision"/> after that
    /// (or after it was made, if later), see <see cref="CheckStatusToken"/>.
    /// </summary>
    public string StatusLink(Guid applicationId)
    {
        var payload = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{applicationId:N}|{clock.GetUtcNow().ToUnixTimeSeconds()}");
        return urls.Absolute($"/apply/status/{applicationId}?t={Uri.EscapeDataString(_statusLinks.Protect(payload))}");
    }

    public StatusLinkCheck CheckStatusToken(MembershipApplication application, string? token)
    {
        if (!TryReadStatusToken(application.Id, token, out var issuedAt))
        {
            return StatusLinkCheck.Invalid;
        }

        if (application.DecidedAt is not { } decidedAt)
        {
            return StatusLinkCheck.Valid;
        }

        // Links from before they carried a date count from the decision.
        var from = issuedAt is { } issued && issued > decidedAt ? issued : decidedAt;
        return clock.GetUtcNow() - from <= options.Value.StatusLinkLifetimeAfterDecision ? StatusLinkCheck.Valid : StatusLinkCheck.Expired;
    }

    /// <summary>
    /// Mails fresh status links to the address of the applications made with <paramref name="email"/> (only confirmed
    /// ones: an unconfirmed application's own email already holds its link). Does nothing, and says nothing, when there
    /// are none, so that the page asking for it cannot tell anyone whether someone applied.
    /// </summary>
    public async Task ResendStatusLinksAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var applications = await db.MembershipApplications.AsNoTracking()
            .Where(a => a.NormalizedEmail == normalized && a.Status != ApplicationStatus.Unverified)
            .OrderByDescending(a => a.CreatedAt)
            .Take(MaxResentLinks)
            .Select(a => new { a.Id, a.WorkEmail, a.FullName, a.Organisation, a.CreatedAt })
            .ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return;
        }

        var newest = applications[0];
        var lines = new List<string>
        {
            $"Dear {newest.FullName},",
            "You asked for a new link to the status page of your application to the CISOs European Community. Earlier links to a decided application stop working after a while; this one works again.",
        };
        if (applications.Count > 1)
        {
            lines.Add("This address has made several applications; here is each one's page, newest first:");
            lines.AddRange(applications.Select(a => $"{a.Organisation}, {a.CreatedAt:yyyy-MM-dd}: {StatusLink(a.Id)}"));
        }

        lines.Add("If you did not ask for this, you can ignore this message: the link only shows your own application.");
        outbox.Add(EmailTemplate.Compose(
            newest.WorkEmail,
            "Your application's status page",
            lines,
            ("Open my status page", StatusLink(newest.Id))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="token"/> is a link for <paramref name="applicationId"/>, and when it was made (null: before links carried the time).</summary>
    private bool TryReadStatusToken(Guid applicationId, string? token, out DateTimeOffset? issuedAt)
    {
        issuedAt = null;
        if (string.IsNullOrEmpty(token) || token.Length > 500)
        {
            return false;
        }

        string payload;
        try
        {
            payload = _statusLinks.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('|');
        if (parts[0] != applicationId.ToString("N"))
        {
            return false;
        }

        if (parts.Length == 2 && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            issuedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return true;
    }

    public Task<MembershipApplication?> LoadAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.MembershipApplications
            .Include(a => a.Events)
            .Include(a => a.Reviews)
            .Include(a => a.Flags)
            .Include(a => a.Country)
            .Include(a => a.Sector)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);

    private async Task CreateMemberAsync(MembershipApplication application, CancellationToken cancellationToken)
    {
        var details = new ProfileDetails(application.FullName, application.JobTitle, application.Organisation, application.CountryCode, application.SectorCode, HiddenFromDirectory: false);
        var user = new PortalUser(details, clock.GetUtcNow())
        {
            UserName = application.WorkEmail,
            Email = application.WorkEmail,
            EmailConfirmed = true,
        };
        ThrowIfFailed(await users.CreateAsync(user));
        ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Member));
        application.LinkMember(user.Id);
        if (application.AcceptedNoticeVersion is { } acceptedVersion)
        {
            // The applicant accepted the notice on the form; as a member they are asked again only when it changes.
            db.PrivacyAcceptances.Add(new PrivacyAcceptance { UserId = user.Id, Version = acceptedVersion, AcceptedAt = application.ConsentedAt });
        }

        var token = await users.GenerateUserTokenAsync(user, WelcomeTokenProvider.ProviderName, WelcomeTokenProvider.Purpose);
        outbox.Add(EmailTemplate.Compose(
            user.Email,
            "Welcome to the CISOs European Community",
            [
                $"Dear {user.FullName},",
                "Your application has been approved: welcome to the CISOs European Community.",
                "Please choose your password to sign in to the portal. The link works once and is valid for 7 days.",
            ],
            ("Set my password", urls.Absolute($"/account/welcome?userId={user.Id}&code={AccountEmails.Encode(token)}"))));
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ApplicationRuleException("Someone else changed this application at the same moment. Reload the page and try again.");
        }
    }

    /// <summary>Runs the automatic pre-checks against what the database knows now.</summary>
    public async Task<IReadOnlyList<PreCheckFlag>> PreCheckAsync(MembershipApplication application, CancellationToken cancellationToken) =>
        PreChecks.Evaluate(application, await GatherFactsAsync(application, cancellationToken));

    private async Task<PreCheckFacts> GatherFactsAsync(MembershipApplication application, CancellationToken cancellationToken)
    {
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == application.CountryCode, cancellationToken);
        var isFreeMail = await db.FreeMailDomains.AnyAsync(d => d.Domain == application.EmailDomain, cancellationToken);
        var memberWithEmail = await db.Users.AnyAsync(u => u.NormalizedEmail == application.NormalizedEmail, cancellationToken);
        string? memberWithDomain = null;
        var openApplicationWithDomain = false;
        if (!isFreeMail && application.EmailDomain.Length > 0)
        {
            var suffix = "@" + application.EmailDomain.ToUpperInvariant();
            memberWithDomain = await db.Users.Where(u => u.NormalizedEmail!.EndsWith(suffix)).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
            openApplicationWithDomain = await OpenApplications(application).AnyAsync(a => a.EmailDomain == application.EmailDomain, cancellationToken);
        }

        return new PreCheckFacts(
            country.IsEligible,
            country.Name,
            isFreeMail,
            await ActiveSponsorAsync(application, cancellationToken) is not null,
            memberWithEmail,
            memberWithDomain,
            await OpenApplications(application).AnyAsync(a => a.NormalizedEmail == application.NormalizedEmail, cancellationToken),
            openApplicationWithDomain,
            await blocklist.IsBlockedAsync(application.WorkEmail, cancellationToken));
    }

    private IQueryable<MembershipApplication> OpenApplications(MembershipApplication except) => db.MembershipApplications.Where(a =>
        a.Id != except.Id
        && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.InformationRequested));

    private async Task<PortalUser?> ActiveSponsorAsync(MembershipApplication application, CancellationToken cancellationToken)
    {
        if (application.SponsorEmail is null)
        {
            return null;
        }

        var normalized = application.SponsorEmail.ToUpperInvariant();
        return await db.UsersInRole(Roles.Member).InGoodStanding()
            .Where(u => u.NormalizedEmail == normalized)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ApplicationRuleException(string.Join(' ', result.Errors.Select(e => e.Description)));
        }
    }
}
