using CecPortal.Web.Features.Admin.Webinars.Forms;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>
/// One session for staff: its details, time, status, speakers and registrations. Each form posts to its own handler,
/// which binds only that form; when one is refused, the page re-shows it as typed and the others as stored.
/// </summary>
public sealed class SessionModel(AppDbContext db, WebinarAdministration administration, TimeProvider clock) : PageModel
{
    public const int MaxMemberMatches = 10;

    public SessionState Current { get; private set; } = null!;

    public SessionDetailsForm Details { get; set; } = new();

    public MoveForm Move { get; set; } = new();

    public CancelForm Cancel { get; set; } = new();

    public HeldForm Held { get; set; } = new();

    public GuestSpeakerForm Guest { get; set; } = new();

    /// <summary>Who to look for among the members, to add as a speaker.</summary>
    [BindProperty(SupportsGet = true, Name = "speaker")]
    public string? SpeakerQuery { get; set; }

    public IReadOnlyList<MemberMatch> MemberMatches { get; private set; } = [];

    public IReadOnlyList<SpeakerRow> Speakers { get; private set; } = [];

    public IReadOnlyList<RegistrationRow> Confirmed { get; private set; } = [];

    public IReadOnlyList<RegistrationRow> Waiting { get; private set; } = [];

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public sealed record SessionState(
        Guid Id,
        string? SeriesTitle,
        string Title,
        string AbstractHtml,
        DateTimeOffset StartsAt,
        DateTimeOffset EndsAt,
        string TimeZoneId,
        int Capacity,
        string? MeetingLink,
        TlpLabel Tlp,
        WebinarStatus Status,
        string? RecordingLink,
        int Sequence,
        bool MovedByHand,
        DateTimeOffset? AnnouncedAt = null)
    {
        public bool IsOpen => Status is WebinarStatus.Planned or WebinarStatus.Confirmed;
    }

    public sealed record SpeakerRow(long Id, string Name, string? Organisation, bool IsGuest);

    public sealed record MemberMatch(string Id, string FullName, string? Email, string? Organisation);

    public sealed record RegistrationRow(string MemberId, string FullName, string? Email, string? Organisation, DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt);

    /// <summary>The first message a form's handler left under <paramref name="key"/> (a form's name), for its alert.</summary>
    public string? FormError(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostDetailsAsync(Guid id, [Bind(Prefix = nameof(Details))] SessionDetailsForm details, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Details), () => Details = details, details.Version, async version =>
        {
            var promoted = await administration.DescribeSessionAsync(id, version, details.ToDetails(), Actor.Of(User), cancellationToken);
            return promoted.Count == 0
                ? "The session's details are saved."
                : $"The session's details are saved. {promoted.Count} member(s) moved up from the waiting list.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(Guid id, [Bind(Prefix = nameof(Move))] MoveForm move, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Move), () => Move = move, move.Version, async version =>
        {
            var moved = await administration.MoveSessionAsync(id, version, move.Date!.Value, move.StartTime!.Value, TimeSpan.FromMinutes(move.DurationMinutes!.Value), Actor.Of(User), cancellationToken);
            return moved
                ? $"The session is moved to {WebinarAdminText.When(WallClock.ToUtc(move.Date.Value, move.StartTime.Value, TimeZoneInfo.FindSystemTimeZoneById(Current.TimeZoneId)), Current.TimeZoneId)} ({Current.TimeZoneId}). Everyone registered is sent an updated invitation."
                : "The session is already at that time; nothing changed.";
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, [Bind(Prefix = nameof(Cancel))] CancelForm cancel, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Cancel), () => Cancel = cancel, cancel.Version, async version =>
        {
            await administration.CancelSessionAsync(id, version, Actor.Of(User), cancellationToken);
            return "The session is cancelled. Everyone registered is told and sent a calendar cancellation.";
        }, cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, [FromForm(Name = "version")] uint? version, CancellationToken cancellationToken) =>
        ActAsync(id, "Status", () => { }, version, async checkedVersion =>
        {
            await administration.ConfirmSessionAsync(id, checkedVersion, Actor.Of(User), cancellationToken);
            return "The session is confirmed.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAnnounceAsync(Guid id, [FromForm(Name = "version")] uint? version, CancellationToken cancellationToken) =>
        ActAsync(id, "Announce", () => { }, version, async checkedVersion =>
        {
            var recipients = await administration.AnnounceSessionAsync(id, checkedVersion, Actor.Of(User), cancellationToken);
            return $"The session is announced: {recipients} member(s) will receive the email.";
        }, cancellationToken);

    public Task<IActionResult> OnPostHeldAsync(Guid id, [Bind(Prefix = nameof(Held))] HeldForm held, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Held), () => Held = held, held.Version, async version =>
        {
            await administration.MarkHeldAsync(id, version, held.RecordingLink, Actor.Of(User), cancellationToken);
            return string.IsNullOrWhiteSpace(held.RecordingLink)
                ? "The session is marked as held."
                : "The session is marked as held; members see the recording link.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, [FromForm(Name = "memberId")] string? memberId, CancellationToken cancellationToken) =>
        ActAsync(id, "Speakers", () => { }, 0, async _ =>
        {
            await administration.AddMemberSpeakerAsync(id, memberId ?? string.Empty, Actor.Of(User), cancellationToken);
            return "The speaker is added.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAddGuestAsync(Guid id, [Bind(Prefix = nameof(Guest))] GuestSpeakerForm guest, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Guest), () => Guest = guest, 0, async _ =>
        {
            await administration.AddGuestSpeakerAsync(id, guest.Name, guest.Organisation, Actor.Of(User), cancellationToken);
            return $"{guest.Name.Trim()} is added as a guest speaker.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveSpeakerAsync(Guid id, [FromForm(Name = "speakerId")] long speakerId, CancellationToken cancellationToken) =>
        ActAsync(id, "Speakers", () => { }, 0, async _ =>
        {
            await administration.RemoveSpeakerAsync(id, speakerId, Actor.Of(User), cancellationToken);
            return "The speaker is removed.";
        }, cancellationToken);

    /// <summary>
    /// Runs a staff action when its form is valid and carries the version it was loaded with; redirects with the status
    /// message, or re-shows the page with the form as typed and the reason under <paramref name="formKey"/>.
    /// </summary>
    private async Task<IActionResult> ActAsync(Guid id, string formKey, Action keepTyped, uint? version, Func<uint, Task<string>> action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (version is null)
        {
            ModelState.AddModelError(formKey, "Reload the page: the form lost the session's version.");
        }
        else if (ModelState.IsValid)
        {
            try
            {
                TempData.SetStatusMessage(await action(version.Value));
                return RedirectToPage(new { id });
            }
            catch (WebinarRuleException ex)
            {
                ModelState.AddModelError(formKey, ex.Message);
            }

            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
        }

        keepTyped();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.WebinarSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return false;
        }

        var seriesTitle = session.SeriesId is { } seriesId
            ? await db.WebinarSeries.AsNoTracking().Where(s => s.Id == seriesId).Select(s => s.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
        Current = new SessionState(
            session.Id,
            seriesTitle,
            session.Title,
            session.AbstractHtml,
            session.StartsAt,
            session.EndsAt,
            session.TimeZoneId,
            session.Capacity,
            session.MeetingLink,
            session.Tlp,
            session.Status,
            session.RecordingLink,
            session.Sequence,
            session.MovedByHand,
            session.AnnouncedAt);
        Details = SessionDetailsForm.From(session);
        Move = MoveForm.From(session);
        Cancel = new CancelForm { Version = session.Version };
        Held = new HeldForm { RecordingLink = session.RecordingLink, Version = session.Version };
        Guest = new GuestSpeakerForm();

        Speakers = await db.WebinarSpeakers.AsNoTracking()
            .Where(s => s.SessionId == id)
            .OrderBy(s => s.Id)
            .Select(s => s.MemberId == null
                ? new SpeakerRow(s.Id, s.GuestName!, s.GuestOrganisation, true)
                : db.Users.Where(u => u.Id == s.MemberId).Select(u => new SpeakerRow(s.Id, u.FullName, u.Organisation, false)).First())
            .ToListAsync(cancellationToken);

        var registrations = await (from r in db.WebinarRegistrations.AsNoTracking()
                                   join u in db.Users on r.MemberId equals u.Id
                                   where r.SessionId == id && r.Status != RegistrationStatus.Cancelled
                                   select new { r.Id, r.Status, Row = new RegistrationRow(u.Id, u.FullName, u.Email, u.Organisation, r.RegisteredAt, r.PromotedAt) })
                                  .ToListAsync(cancellationToken);

        // The order the waiting-list rules use: confirmed by when they got their place, the line by when they joined it.
        Confirmed = [.. registrations.Where(r => r.Status == RegistrationStatus.Confirmed).OrderBy(r => r.Row.PromotedAt ?? r.Row.RegisteredAt).ThenBy(r => r.Id).Select(r => r.Row)];
        Waiting = [.. registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.Row.RegisteredAt).ThenBy(r => r.Id).Select(r => r.Row)];

        if (!string.IsNullOrWhiteSpace(SpeakerQuery))
        {
            var pattern = SearchPattern.Contains(SpeakerQuery);
            MemberMatches = await db.UsersInRole(Roles.Member).AsNoTracking()
                .ActiveMembers()
                .Where(u => EF.Functions.ILike(u.FullName, pattern, SearchPattern.EscapeCharacter)
                    || EF.Functions.ILike(u.Email!, pattern, SearchPattern.EscapeCharacter)
                    || EF.Functions.ILike(u.Organisation!, pattern, SearchPattern.EscapeCharacter))
                .Where(u => !db.WebinarSpeakers.Any(s => s.SessionId == id && s.MemberId == u.Id))
                .OrderBy(u => u.FullName).ThenBy(u => u.Id)
                .Take(MaxMemberMatches)
                .Select(u => new MemberMatch(u.Id, u.FullName, u.Email, u.Organisation))
                .ToListAsync(cancellationToken);
        }

        return true;
    }
}
