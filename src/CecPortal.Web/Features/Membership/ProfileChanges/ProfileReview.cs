namespace CecPortal.Web.Features.Membership.ProfileChanges;

/// <summary>
/// A member's change of organisation, country or sector, waiting for (or decided by) one vetter: the light re-vetting.
/// It keeps the values before and after, so the profile changes only on confirmation and the queue shows both. Its
/// moves are checked here: only a pending change can be decided, replaced or cancelled.
/// </summary>
public sealed class ProfileReview
{
    public const int MaxWebsiteLength = 300;
    public const int MaxNoteLength = 2000;
    public const int MaxReasonLength = 1000;

    private readonly List<ProfileReviewFlag> _flags = [];

    private ProfileReview()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UserId { get; private set; } = string.Empty;

    public string? OldOrganisation { get; private set; }

    public string? OldCountryCode { get; private set; }

    public string? OldSectorCode { get; private set; }

    public string? NewOrganisation { get; private set; }

    public string? NewCountryCode { get; private set; }

    public string? NewSectorCode { get; private set; }

    /// <summary>The new organisation's website as the member typed it, for the vetter (and the domain check); null when not given.</summary>
    public string? OrganisationWebsite { get; private set; }

    public ProfileReviewStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The vetter who confirmed or refused; null while pending and when the member replaced or cancelled it.</summary>
    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    /// <summary>The vetter's note for the record; staff only.</summary>
    public string? Note { get; private set; }

    /// <summary>Why a change was refused, as the member is told.</summary>
    public string? RefusalReason { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ProfileReviewFlag> Flags => _flags;

    public bool IsPending => Status == ProfileReviewStatus.Pending;

    public bool OrganisationChanges => NewOrganisation != OldOrganisation;

    public bool CountryChanges => NewCountryCode != OldCountryCode;

    public bool SectorChanges => NewSectorCode != OldSectorCode;

    /// <summary>Whether the profile's organisation, country or sector in <paramref name="requested"/> differs from <paramref name="current"/>.</summary>
    public static bool NeedsReview(ProfileDetails current, ProfileDetails requested) =>
        requested.Organisation != current.Organisation || requested.CountryCode != current.CountryCode || requested.SectorCode != current.SectorCode;

    public static ProfileReview Request(string userId, ProfileDetails current, ProfileDetails requested, string? website, IEnumerable<ProfileReviewFlag> flags, DateTimeOffset now)
    {
        if (!NeedsReview(current, requested))
        {
            throw new ProfileReviewRuleException("Nothing to review: the organisation, country and sector are unchanged.");
        }

        var review = new ProfileReview
        {
            UserId = userId,
            OldOrganisation = current.Organisation,
            OldCountryCode = current.CountryCode,
            OldSectorCode = current.SectorCode,
            NewOrganisation = requested.Organisation,
            NewCountryCode = requested.CountryCode,
            NewSectorCode = requested.SectorCode,
            OrganisationWebsite = string.IsNullOrWhiteSpace(website) ? null : website.Trim(),
            Status = ProfileReviewStatus.Pending,
            RequestedAt = now,
        };
        review._flags.AddRange(flags);
        return review;
    }

    /// <summary>Whether this change asks for exactly the organisation, country and sector in <paramref name="requested"/>.</summary>
    public bool Asks(ProfileDetails requested) =>
        requested.Organisation == NewOrganisation && requested.CountryCode == NewCountryCode && requested.SectorCode == NewSectorCode;

    /// <summary>The profile as it reads once the change applies: the other fields as they are now.</summary>
    public ProfileDetails AppliedTo(ProfileDetails current) =>
        current with { Organisation = NewOrganisation, CountryCode = NewCountryCode, SectorCode = NewSectorCode };

    /// <summary>The names of what changes, for audit notes and emails (never the values).</summary>
    public IReadOnlyList<string> ChangedFields() =>
        [.. new[] { OrganisationChanges ? "organisation" : null, CountryChanges ? "country" : null, SectorChanges ? "sector" : null }.OfType<string>()];

    public void Confirm(string vetterId, string vetterName, string? note, DateTimeOffset now)
    {
        var checkedNote = CheckedNote(note);
        Decide(vetterId, vetterName, now);
        Status = ProfileReviewStatus.Confirmed;
        Note = checkedNote;
    }

    public void Refuse(string vetterId, string vetterName, string reason, string? note, DateTimeOffset now)
    {
        var checkedReason = (reason ?? string.Empty).Trim();
        if (checkedReason.Length == 0)
        {
            throw new ProfileReviewRuleException("Give the reason the member will read.", "Input.Reason");
        }

        if (checkedReason.Length > MaxReasonLength)
        {
            throw new ProfileReviewRuleException($"The reason may have at most {MaxReasonLength} characters.", "Input.Reason");
        }

        var checkedNote = CheckedNote(note);
        Decide(vetterId, vetterName, now);
        Status = ProfileReviewStatus.Refused;
        RefusalReason = checkedReason;
        Note = checkedNote;
    }

    /// <summary>The member asked for another change while this one waited.</summary>
    public void Replace(DateTimeOffset now) => Close(ProfileReviewStatus.Replaced, now);

    /// <summary>The member withdrew the change (or typed the previous values again).</summary>
    public void Cancel(DateTimeOffset now) => Close(ProfileReviewStatus.Cancelled, now);

    private void Decide(string vetterId, string vetterName, DateTimeOffset now)
    {
        RequirePending();
        if (vetterId == UserId)
        {
            throw new ProfileReviewRuleException("You cannot decide a change to your own profile: another vetter does.");
        }

        DecidedAt = now;
        DecidedById = vetterId;
        DecidedByName = vetterName;
    }

    private void Close(ProfileReviewStatus status, DateTimeOffset now)
    {
        RequirePending();
        Status = status;
        DecidedAt = now;
    }

    private void RequirePending()
    {
        if (!IsPending)
        {
            throw new ProfileReviewRuleException("This profile change has already been decided.");
        }
    }

    private static string? CheckedNote(string? note)
    {
        var trimmed = note?.Trim();
        return trimmed switch
        {
            null or "" => null,
            { Length: > MaxNoteLength } => throw new ProfileReviewRuleException($"A note can have at most {MaxNoteLength} characters.", "Input.Note"),
            _ => trimmed,
        };
    }
}
