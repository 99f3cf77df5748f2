using System.Security.Cryptography;
using System.Text;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Reference;
using CecPortal.Web.Features.Membership.Vetting;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Applications;

/// <summary>
/// A CISO's application for membership. It guards its own state: every move is checked, recorded on the
/// timeline, and decided applications cannot change except by an Admin's re-opening.
/// </summary>
public sealed class MembershipApplication
{
    public static readonly TimeSpan VerificationWindow = TimeSpan.FromDays(7);

    private readonly List<ApplicationEvent> _events = [];
    private readonly List<ApplicationReview> _reviews = [];
    private readonly List<ApplicationFlag> _flags = [];

    private MembershipApplication()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string FullName { get; private set; } = string.Empty;

    public string WorkEmail { get; private set; } = string.Empty;

    /// <summary>Upper-cased email for duplicate checks.</summary>
    public string NormalizedEmail { get; private set; } = string.Empty;

    public string EmailDomain { get; private set; } = string.Empty;

    public string JobTitle { get; private set; } = string.Empty;

    public string Organisation { get; private set; } = string.Empty;

    public string OrganisationWebsite { get; private set; } = string.Empty;

    public string? WebsiteDomain { get; private set; }

    public string CountryCode { get; private set; } = string.Empty;

    public Country? Country { get; private set; }

    public string SectorCode { get; private set; } = string.Empty;

    public Sector? Sector { get; private set; }

    public string? SectorDescription { get; private set; }

    public OrganisationSize OrganisationSize { get; private set; }

    public string? LinkedInUrl { get; private set; }

    public string Motivation { get; private set; } = string.Empty;

    public string? SponsorEmail { get; private set; }

    public SponsorResponse SponsorResponse { get; private set; }

    public string ConsentedNoticeVersion { get; private set; } = string.Empty;

    public DateTimeOffset ConsentedAt { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DeclineReason? DeclineReason { get; private set; }

    /// <summary>The vetting round: re-opening starts a new one, and only its reviews count.</summary>
    public int Round { get; private set; } = 1;

    public string? MemberUserId { get; private set; }

    public string VerificationTokenHash { get; private set; } = string.Empty;

    public string? SponsorTokenHash { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ApplicationEvent> Events => _events;

    public IReadOnlyList<ApplicationReview> Reviews => _reviews;

    public IReadOnlyList<ApplicationFlag> Flags => _flags;

    public bool IsOpen => Status is ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.InformationRequested;

    public bool IsDecided => Status is ApplicationStatus.Approved or ApplicationStatus.Declined or ApplicationStatus.Withdrawn;

    /// <summary>The privacy notice version the applicant accepted, or null for applications from before notices were numbered.</summary>
    public int? AcceptedNoticeVersion =>
        int.TryParse(ConsentedNoticeVersion, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;

    /// <summary>Creates the application; the returned token goes into the verification link (only its hash is kept).</summary>
    public static MembershipApplication Submit(ApplicationDetails details, int privacyNoticeVersion, DateTimeOffset now, out string verificationToken)
    {
        verificationToken = NewToken();
        var application = new MembershipApplication
        {
            FullName = details.FullName.Trim(),
            WorkEmail = details.WorkEmail.Trim(),
            NormalizedEmail = details.WorkEmail.Trim().ToUpperInvariant(),
            EmailDomain = DomainOfEmail(details.WorkEmail),
            JobTitle = details.JobTitle.Trim(),
            Organisation = details.Organisation.Trim(),
            OrganisationWebsite = details.OrganisationWebsite.Trim(),
            WebsiteDomain = DomainOfWebsite(details.OrganisationWebsite),
            CountryCode = details.CountryCode,
            SectorCode = details.SectorCode,
            SectorDescription = string.IsNullOrWhiteSpace(details.SectorDescription) ? null : details.SectorDescription.Trim(),
            OrganisationSize = details.OrganisationSize,
            LinkedInUrl = string.IsNullOrWhiteSpace(details.LinkedInUrl) ? null : details.LinkedInUrl.Trim(),
            Motivation = details.Motivation.Trim(),
            SponsorEmail = string.IsNullOrWhiteSpace(details.SponsorEmail) ? null : details.SponsorEmail.Trim(),
            ConsentedNoticeVersion = privacyNoticeVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConsentedAt = now,
            CreatedAt = now,
            Status = ApplicationStatus.Unverified,
            VerificationTokenHash = Hash(verificationToken),
        };
        application.Record(ApplicationEventKind.Submitted, now, actor: null, note: null);
        return application;
    }

    /// <summary>Confirms the email address; the application enters the vetting queue with its pre-check flags.</summary>
    public void Verify(string token, IEnumerable<PreCheckFlag> flags, DateTimeOffset now)
    {
        if (!Matches(token, VerificationTokenHash))
        {
            throw new ApplicationRuleException("This verification link is not valid.");
        }

        if (Status != ApplicationStatus.Unverified)
        {
            return;
        }

        if (now - CreatedAt > VerificationWindow)
        {
            throw new ApplicationRuleException("This verification link has expired. Please apply again.");
        }

        Status = ApplicationStatus.Submitted;
        VerifiedAt = now;
        _flags.Clear();
        _flags.AddRange(flags.Select(f => new ApplicationFlag { ApplicationId = Id, Kind = f.Kind, Explanation = f.Explanation }));
        Record(ApplicationEventKind.Verified, now, actor: null, note: null);
    }

    /// <summary>Adds a vetter's review. An approval completes the application when the four-eyes rule is met.</summary>
    public void Review(Reviewer reviewer, ReviewVerdict verdict, string? note, DeclineReason? reason, DateTimeOffset now)
    {
        EnsureStatus("review", ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested);
        if (verdict == ReviewVerdict.Approve && Status == ApplicationStatus.InformationRequested)
        {
            throw new ApplicationRuleException("The applicant has been asked for more information; approve once they have answered.");
        }

        if (!reviewer.CoversCountry && !reviewer.CoversSector)
        {
            throw new ApplicationRuleException("This application is outside your vetting scope.");
        }

        if (_reviews.Any(r => r.Round == Round && r.ReviewerId == reviewer.UserId))
        {
            throw new ApplicationRuleException("You have already reviewed this application; a second review needs another vetter.");
        }

        if (verdict == ReviewVerdict.Decline && (reason is null || string.IsNullOrWhiteSpace(note)))
        {
            throw new ApplicationRuleException("A decline needs a reason category and a note for the record.");
        }

        _reviews.Add(new ApplicationReview
        {
            ApplicationId = Id,
            Round = Round,
            ReviewerId = reviewer.UserId,
            ReviewerName = reviewer.Name,
            Verdict = verdict,
            CoversCountry = reviewer.CoversCountry,
            CoversSector = reviewer.CoversSector,
            Note = note?.Trim(),
            At = now,
        });

        if (verdict == ReviewVerdict.Decline)
        {
            Record(ApplicationEventKind.ReviewedDecline, now, reviewer.Name, note!.Trim());
            Status = ApplicationStatus.Declined;
            DeclineReason = reason;
            DecidedAt = now;
            Record(ApplicationEventKind.Declined, now, reviewer.Name, reason!.Value.Describe());
            return;
        }

        Record(ApplicationEventKind.ReviewedApprove, now, reviewer.Name, note?.Trim());
        Status = ApplicationStatus.InReview;
        if (FourEyesRule.IsSatisfied(CurrentApprovals()))
        {
            Status = ApplicationStatus.Approved;
            DecidedAt = now;
            Record(ApplicationEventKind.Approved, now, reviewer.Name, "Approved by two vetters covering the country and the sector.");
        }
    }

    public IEnumerable<ApprovalCoverage> CurrentApprovals() => _reviews
        .Where(r => r.Round == Round && r.Verdict == ReviewVerdict.Approve)
        .Select(r => new ApprovalCoverage(r.ReviewerId, r.CoversCountry, r.CoversSector));

    public void RequestInformation(Reviewer reviewer, string question, DateTimeOffset now)
    {
        EnsureStatus("ask for more information on", ApplicationStatus.Submitted, ApplicationStatus.InReview);
        if (!reviewer.CoversCountry && !reviewer.CoversSector)
        {
            throw new ApplicationRuleException("This application is outside your vetting scope.");
        }

        if (string.IsNullOrWhiteSpace(question))
        {
            throw new ApplicationRuleException("Write the question the applicant should answer.");
        }

        Status = ApplicationStatus.InformationRequested;
        Record(ApplicationEventKind.InformationRequested, now, reviewer.Name, question.Trim());
    }

    public void ProvideInformation(string answer, DateTimeOffset now)
    {
        EnsureStatus("answer", ApplicationStatus.InformationRequested);
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new ApplicationRuleException("Write your answer before sending it.");
        }

        Status = ApplicationStatus.InReview;
        Record(ApplicationEventKind.InformationProvided, now, FullName, answer.Trim());
    }

    public void Withdraw(DateTimeOffset now)
    {
        EnsureStatus("withdraw", ApplicationStatus.Unverified, ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested);
        Status = ApplicationStatus.Withdrawn;
        DecidedAt = now;
        Record(ApplicationEventKind.Withdrawn, now, FullName, note: null);
    }

    /// <summary>An Admin re-opens a declined or withdrawn application; earlier reviews stay on record but no longer count.</summary>
    public void Reopen(string adminName, string reason, DateTimeOffset now)
    {
        EnsureStatus("re-open", ApplicationStatus.Declined, ApplicationStatus.Withdrawn);
        if (VerifiedAt is null)
        {
            throw new ApplicationRuleException("This application was withdrawn before its email address was verified; the applicant must apply again.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ApplicationRuleException("Re-opening needs a reason.");
        }

        Status = ApplicationStatus.InReview;
        Round++;
        DecidedAt = null;
        DeclineReason = null;
        Record(ApplicationEventKind.Reopened, now, adminName, reason.Trim());
    }

    /// <summary>Prepares the sponsor's one-click link (the sponsor must be an active member).</summary>
    public string InviteSponsor(DateTimeOffset now)
    {
        if (SponsorEmail is null || SponsorResponse != SponsorResponse.None)
        {
            throw new ApplicationRuleException("There is no sponsor to invite.");
        }

        var token = NewToken();
        SponsorTokenHash = Hash(token);
        SponsorResponse = SponsorResponse.Pending;
        Record(ApplicationEventKind.SponsorInvited, now, actor: null, note: null);
        return token;
    }

    public bool HasSponsorToken(string? token) => SponsorTokenHash is not null && Matches(token, SponsorTokenHash);

    public void RecordSponsorResponse(string token, bool endorse, string sponsorName, DateTimeOffset now)
    {
        if (!HasSponsorToken(token))
        {
            throw new ApplicationRuleException("This sponsor link is not valid.");
        }

        if (SponsorResponse != SponsorResponse.Pending)
        {
            throw new ApplicationRuleException("You have already answered for this application.");
        }

        if (IsDecided)
        {
            throw new ApplicationRuleException("This application has already been decided; thank you all the same.");
        }

        SponsorResponse = endorse ? SponsorResponse.Endorsed : SponsorResponse.Declined;
        Record(endorse ? ApplicationEventKind.SponsorEndorsed : ApplicationEventKind.SponsorDeclined, now, sponsorName, note: null);
    }

    public void LinkMember(string userId) => MemberUserId = Status == ApplicationStatus.Approved
        ? userId
        : throw new ApplicationRuleException("Only an approved application becomes a member.");

    /// <summary>The email's domain in lower-case ASCII (international names as punycode, like <see cref="DomainOfWebsite"/>).</summary>
    public static string DomainOfEmail(string email)
    {
        var at = email.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : email[(at + 1)..].Trim().TrimEnd('.');
        if (domain.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            return new System.Globalization.IdnMapping().GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return domain.ToLowerInvariant();
        }
    }

    /// <summary>The registrable-looking host of a website ("https://www.example.eu/about" gives "example.eu").</summary>
    public static string? DomainOfWebsite(string website)
    {
        var text = website.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private void EnsureStatus(string action, params ApplicationStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new ApplicationRuleException($"You cannot {action} an application that is {Status.Describe().ToLowerInvariant()}.");
        }
    }

    private void Record(ApplicationEventKind kind, DateTimeOffset at, string? actor, string? note) =>
        _events.Add(new ApplicationEvent { ApplicationId = Id, Kind = kind, At = at, Actor = actor, Note = note });

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static bool Matches(string? token, string hash) =>
        !string.IsNullOrEmpty(token) && token.Length <= 100
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));
}

public sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    public void Configure(EntityTypeBuilder<MembershipApplication> builder)
    {
        builder.ToTable("membership_applications");
        builder.Property(a => a.FullName).HasMaxLength(ApplicationLimits.Name);
        builder.Property(a => a.WorkEmail).HasMaxLength(ApplicationLimits.Email);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(ApplicationLimits.Email);
        builder.Property(a => a.EmailDomain).HasMaxLength(ApplicationLimits.Email);
        builder.Property(a => a.JobTitle).HasMaxLength(ApplicationLimits.Title);
        builder.Property(a => a.Organisation).HasMaxLength(ApplicationLimits.Organisation);
        builder.Property(a => a.OrganisationWebsite).HasMaxLength(ApplicationLimits.Url);
        builder.Property(a => a.WebsiteDomain).HasMaxLength(ApplicationLimits.Url);
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.SectorCode).HasMaxLength(64);
        builder.Property(a => a.SectorDescription).HasMaxLength(ApplicationLimits.SectorDescription);
        builder.Property(a => a.LinkedInUrl).HasMaxLength(ApplicationLimits.Url);
        builder.Property(a => a.Motivation).HasMaxLength(ApplicationLimits.Motivation);
        builder.Property(a => a.SponsorEmail).HasMaxLength(ApplicationLimits.Email);
        builder.Property(a => a.ConsentedNoticeVersion).HasMaxLength(20);
        builder.Property(a => a.VerificationTokenHash).HasMaxLength(64);
        builder.Property(a => a.SponsorTokenHash).HasMaxLength(64);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne(a => a.Country).WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Sector).WithMany().HasForeignKey(a => a.SectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Flags).WithOne().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Flags).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The vetting queue: open applications oldest first (partial index), and by scope.
        builder.HasIndex(a => new { a.VerifiedAt, a.Id })
            .HasFilter("\"Status\" IN (1, 2, 3)")
            .HasDatabaseName("IX_membership_applications_open_queue");

        // The count over a vetter's scope (countries OR sectors) as an index-only scan of the open applications: at
        // 100,000 applications 13 ms instead of 102 ms for a bitmap scan that visited the table.
        builder.HasIndex(a => new { a.CountryCode, a.SectorCode })
            .HasFilter("\"Status\" IN (1, 2, 3)")
            .HasDatabaseName("IX_membership_applications_open_scope");
        builder.HasIndex(a => new { a.Status, a.VerifiedAt });
        builder.HasIndex(a => new { a.CountryCode, a.Status, a.VerifiedAt });
        builder.HasIndex(a => new { a.SectorCode, a.Status, a.VerifiedAt });
        builder.HasIndex(a => a.NormalizedEmail);
        builder.HasIndex(a => a.EmailDomain);
        builder.HasIndex(a => new { a.Status, a.CreatedAt });
    }
}
