using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Profile;

public sealed class IndexModel(
    AppDbContext db,
    UserManager<PortalUser> users,
    BriefingSubscription subscription,
    CalendarSubscription calendar,
    TimeZoneSetting timeZones,
    ProfileEditor editor,
    EmailChange emailChange,
    ProfileChangeReviews profileChanges,
    PortalUrls urls) : PageModel
{
    /// <summary>TempData key of a new feed address: read once, so it is shown once.</summary>
    public const string NewFeedUrlKey = "NewFeedUrl";

    /// <summary>TempData key of a new calendar address, shown once like the feed address.</summary>
    public const string NewCalendarUrlKey = "NewCalendarUrl";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProfileView Profile { get; private set; } = null!;

    /// <summary>The details form: as stored on GET, as typed when a POST is refused. Bound only by its own handler.</summary>
    public DetailsForm Details { get; set; } = new();

    public IReadOnlyList<Choice> CountryChoices { get; private set; } = [];

    /// <summary>The member's change of organisation, country or sector waiting for a vetter, if any.</summary>
    public ProfileReview? PendingChange { get; private set; }

    /// <summary>A change a vetter refused lately (and not followed by another), so the member reads why.</summary>
    public ProfileReview? RefusedChange { get; private set; }

    public IReadOnlyList<Choice> SectorChoices { get; private set; } = [];

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public SubscriptionSettings Briefing { get; private set; } = null!;

    /// <summary>The feed address created by the previous request, if any.</summary>
    public string? NewFeedUrl { get; private set; }

    /// <summary>The calendar address created by the previous request, if any.</summary>
    public string? NewCalendarUrl { get; private set; }

    public bool HasCalendarToken { get; private set; }

    /// <summary>The zone webinar times are shown in when the member chooses none.</summary>
    public string CountryZoneId { get; private set; } = MemberTimeZones.Fallback;

    public sealed record ProfileView(
        string FullName,
        string? Email,
        string? JobTitle,
        string? Organisation,
        string? CountryCode,
        string? SectorCode,
        string? TimeZoneId,
        bool HiddenFromDirectory,
        string? PendingEmail,
        DateTimeOffset? PendingEmailRequestedAt,
        DateTimeOffset? WebinarAnnouncementsOptOutAt,
        DateTimeOffset? ConsultationEmailsOptOutAt);

    public sealed record Choice(string Code, string Name);

    public sealed class DetailsForm
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(ProfileDetails.MaxTextLength, ErrorMessage = "Your name may have at most {1} characters.")]
        [PlainText]
        [Display(Name = "Full name")]
        public string? FullName { get; set; }

        [StringLength(ProfileDetails.MaxTextLength, ErrorMessage = "The job title may have at most {1} characters.")]
        [PlainText]
        [Display(Name = "Job title")]
        public string? JobTitle { get; set; }

        [StringLength(ProfileDetails.MaxTextLength, ErrorMessage = "The organisation may have at most {1} characters.")]
        [PlainText]
        [Display(Name = "Organisation")]
        public string? Organisation { get; set; }

        [StringLength(2, ErrorMessage = "Choose a country from the list.")]
        [Display(Name = "Country")]
        public string? CountryCode { get; set; }

        [StringLength(64, ErrorMessage = "Choose a sector from the list.")]
        [Display(Name = "NIS2 sector")]
        public string? SectorCode { get; set; }

        /// <summary>Asked for when the organisation changes, for the vetter who confirms it; not kept on the profile.</summary>
        [StringLength(ProfileReview.MaxWebsiteLength, ErrorMessage = "The website may have at most {1} characters.")]
        [PlainText]
        [Display(Name = "New organisation's website")]
        public string? OrganisationWebsite { get; set; }

        [Display(Name = "Show me in the member directory")]
        public bool ShowInDirectory { get; set; } = true;

        public ProfileDetails ToDetails() => ProfileDetails.Normalize(FullName, JobTitle, Organisation, CountryCode, SectorCode, !ShowInDirectory);

        /// <summary>The stored details, with a waiting change's values in its place, so saving another field keeps the change.</summary>
        public static DetailsForm From(ProfileView profile, ProfileReview? pending) => new()
        {
            FullName = profile.FullName,
            JobTitle = profile.JobTitle,
            Organisation = pending is null ? profile.Organisation : pending.NewOrganisation,
            CountryCode = (pending is null ? profile.CountryCode : pending.NewCountryCode)?.Trim(),
            SectorCode = pending is null ? profile.SectorCode : pending.NewSectorCode,
            OrganisationWebsite = pending?.OrganisationWebsite,
            ShowInDirectory = !profile.HiddenFromDirectory,
        };
    }

    public sealed class InputModel
    {
        /// <summary>An IANA zone from <see cref="MemberTimeZones.Choices"/>, or empty for "my country's zone".</summary>
        [Display(Name = "Time zone")]
        public string? TimeZoneId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        Input.TimeZoneId = StoredTimeZone();
        Details = DetailsForm.From(Profile, PendingChange);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync([Bind(Prefix = nameof(Details))] DetailsForm details, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var outcome = await editor.SaveAsync(users.GetUserId(User)!, details.ToDetails(), details.OrganisationWebsite, cancellationToken);
                if (outcome is null)
                {
                    return Challenge();
                }

                TempData.SetStatusMessage(outcome switch
                {
                    ProfileChangeOutcome.Requested => "Your profile is saved. The change of organisation, country or sector waits for a vetter's confirmation; until then the directory shows your previous details.",
                    ProfileChangeOutcome.StillPending => "Your profile is saved. Your change of organisation, country or sector still waits for a vetter's confirmation.",
                    ProfileChangeOutcome.Cancelled => "Your profile is saved. The waiting change of organisation, country or sector is cancelled.",
                    _ => "Your profile is saved.",
                });
                return RedirectToSection("details");
            }
            catch (ProfileRuleException ex)
            {
                ModelState.AddModelError($"{nameof(Details)}.{ex.Field}", ex.Message);
            }
        }

        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        Details = details;
        Input.TimeZoneId = StoredTimeZone();
        return Page();
    }

    public async Task<IActionResult> OnPostAnnouncementsAsync(bool receive, CancellationToken cancellationToken)
    {
        if (!await editor.SetWebinarAnnouncementsAsync(users.GetUserId(User)!, receive, cancellationToken))
        {
            return Challenge();
        }

        TempData.SetStatusMessage(receive
            ? "You will receive an email when a new webinar is announced."
            : "You will no longer receive webinar announcements by email. New sessions still appear under Webinars.");
        return RedirectToSection("webinars");
    }

    public async Task<IActionResult> OnPostConsultationEmailsAsync(bool receive, CancellationToken cancellationToken)
    {
        if (!await editor.SetConsultationEmailsAsync(users.GetUserId(User)!, receive, cancellationToken))
        {
            return Challenge();
        }

        TempData.SetStatusMessage(receive
            ? "You will receive an email when a consultation opens for you, and a reminder before its deadline."
            : "You will no longer receive consultation emails. Open consultations still appear on your home page and under Consultations.");
        return RedirectToSection("consultations");
    }

    public async Task<IActionResult> OnPostCancelProfileChangeAsync(CancellationToken cancellationToken)
    {
        TempData.SetStatusMessage(await profileChanges.CancelAsync(users.GetUserId(User)!, cancellationToken)
            ? "The change is cancelled: your organisation, country and sector stay as they are."
            : "There was no change waiting for a vetter.");
        return RedirectToSection("details");
    }

    public async Task<IActionResult> OnPostCancelEmailChangeAsync(CancellationToken cancellationToken)
    {
        TempData.SetStatusMessage(await emailChange.CancelAsync(users.GetUserId(User)!, cancellationToken)
            ? "The email change is cancelled: its confirmation link no longer works and your sign-in email stays as it is."
            : "There was no email change waiting for confirmation.");
        return RedirectToSection("details");
    }

    public async Task<IActionResult> OnPostTimeZoneAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await timeZones.SaveAsync(users.GetUserId(User)!, Input.TimeZoneId))
            {
                return Challenge();
            }
        }
        catch (WebinarRuleException ex)
        {
            ModelState.AddModelError("Input.TimeZoneId", ex.Message);
            if (!await LoadAsync(cancellationToken))
            {
                return Challenge();
            }

            Details = DetailsForm.From(Profile, PendingChange);
            return Page();
        }

        TempData.SetStatusMessage(string.IsNullOrWhiteSpace(Input.TimeZoneId)
            ? "Webinar times are now shown in your country's time zone."
            : $"Webinar times are now shown in {WebinarTimes.ZoneLabel(Input.TimeZoneId.Trim())}.");
        return RedirectToSection("webinars");
    }

    public async Task<IActionResult> OnPostCreateCalendarAsync()
    {
        var token = await calendar.ReplaceTokenAsync(users.GetUserId(User)!);
        if (token is null)
        {
            return Challenge();
        }

        TempData[NewCalendarUrlKey] = urls.Absolute(CalendarSubscription.PathOf(token));
        TempData.SetStatusMessage("Your new calendar address is ready. Any earlier address has stopped working.");
        return RedirectToSection("webinars");
    }

    public async Task<IActionResult> OnPostRevokeCalendarAsync()
    {
        if (!await calendar.RevokeTokenAsync(users.GetUserId(User)!))
        {
            return Challenge();
        }

        TempData.SetStatusMessage("Your calendar address has been revoked: calendar apps using it get nothing more.");
        return RedirectToSection("webinars");
    }

    public async Task<IActionResult> OnPostDailyEmailAsync(bool receive)
    {
        if (!await subscription.SetDailyEmailAsync(users.GetUserId(User)!, receive))
        {
            return Challenge();
        }

        TempData.SetStatusMessage(receive
            ? "You will receive the daily briefing by email again."
            : "You will no longer receive the daily briefing by email. You can still read it here.");
        return RedirectToBriefingSection();
    }

    public async Task<IActionResult> OnPostCreateFeedAsync()
    {
        var token = await subscription.ReplaceFeedTokenAsync(users.GetUserId(User)!);
        if (token is null)
        {
            return Challenge();
        }

        TempData[NewFeedUrlKey] = urls.Absolute("/briefings/feed/" + token);
        TempData.SetStatusMessage("Your new feed address is ready. Any earlier address has stopped working.");
        return RedirectToBriefingSection();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync()
    {
        if (!await subscription.RevokeFeedTokenAsync(users.GetUserId(User)!))
        {
            return Challenge();
        }

        TempData.SetStatusMessage("Your feed address has been revoked: feed readers using it get nothing more.");
        return RedirectToBriefingSection();
    }

    private RedirectToPageResult RedirectToBriefingSection() => RedirectToSection("briefing");

    private RedirectToPageResult RedirectToSection(string fragment) => RedirectToPage(pageName: null, pageHandler: null, routeValues: null, fragment: fragment);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new ProfileView(
                u.FullName,
                u.Email,
                u.JobTitle,
                u.Organisation,
                u.CountryCode,
                u.SectorCode,
                u.TimeZoneId,
                u.HiddenFromDirectory,
                u.PendingEmail,
                u.PendingEmailRequestedAt,
                u.WebinarAnnouncementsOptOutAt,
                u.ConsultationEmailsOptOutAt))
            .SingleOrDefaultAsync(cancellationToken);
        var settings = userId is null ? null : await subscription.SettingsAsync(userId, cancellationToken);
        if (profile is null || settings is null)
        {
            return false;
        }

        Profile = profile;
        Briefing = settings;
        NewFeedUrl = TempData[NewFeedUrlKey] as string;
        NewCalendarUrl = TempData[NewCalendarUrlKey] as string;
        HasCalendarToken = await calendar.HasTokenAsync(userId!, cancellationToken);
        CountryZoneId = MemberTimeZones.Resolve(null, profile.CountryCode);
        Roles = await (from ur in db.UserRoles
                       join r in db.Roles on ur.RoleId equals r.Id
                       where ur.UserId == userId
                       orderby r.Name
                       select r.Name!).ToListAsync(cancellationToken);
        (PendingChange, RefusedChange) = await profileChanges.ForMemberAsync(userId!, cancellationToken);
        CountryChoices = await db.Countries.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Code, c.Name)).ToListAsync(cancellationToken);
        SectorChoices = await db.Sectors.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new Choice(s.Code, s.Name)).ToListAsync(cancellationToken);
        return true;
    }

    public string CountryName(string? code) => code is null ? "not given" : CountryChoices.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    public string SectorName(string? code) => code is null ? "not given" : SectorChoices.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    private string? StoredTimeZone() => MemberTimeZones.IsKnown(Profile.TimeZoneId) ? Profile.TimeZoneId : null;
}
