using System.Text.RegularExpressions;

namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// A room of the sharing space. The community, sector and country channels are made by the start-up step and fill
/// themselves from the members' profiles; open channels and working groups are made by staff. A channel carries the
/// TLP label its messages get by default: a message may be stricter, never looser.
/// </summary>
public sealed partial class Channel
{
    public const int MaxSlugLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;
    public const string CommunitySlug = "community";

    private Channel()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The channel's address, lowercase a-z, 0-9 and hyphens: <c>/sharing/c/{slug}</c>.</summary>
    public string Slug { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public ChannelKind Kind { get; private set; }

    /// <summary>The NIS2 sector of a <see cref="ChannelKind.Sector"/> channel; null for every other kind.</summary>
    public string? SectorCode { get; private set; }

    /// <summary>The country of a <see cref="ChannelKind.Country"/> channel; null for every other kind.</summary>
    public string? CountryCode { get; private set; }

    public TlpLabel DefaultTlp { get; private set; } = TlpRules.Default;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The member of staff who made it; null for the channels the portal makes itself.</summary>
    public string? CreatedById { get; private set; }

    /// <summary>An archived channel is read by no one and offered to no one; its messages stay for the audit.</summary>
    public DateTimeOffset? ArchivedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Members may join and leave only these; the others follow the profile (or staff, for working groups).</summary>
    public bool IsJoinable => Kind == ChannelKind.Open;

    public bool MayBeLeft => Kind is ChannelKind.Open or ChannelKind.WorkingGroup;

    public static Channel Community(DateTimeOffset now) => new()
    {
        Slug = CommunitySlug,
        Name = "Community",
        Description = "Everyone in the community.",
        Kind = ChannelKind.Community,
        CreatedAt = now,
    };

    public static Channel ForSector(string sectorCode, string sectorName, DateTimeOffset now) => new()
    {
        Slug = SlugOf("sector-" + sectorCode),
        Name = Truncate(sectorName, MaxNameLength),
        Description = $"Members of the {sectorName} sector.",
        Kind = ChannelKind.Sector,
        SectorCode = sectorCode,
        CreatedAt = now,
    };

    public static Channel ForCountry(string countryCode, string countryName, DateTimeOffset now) => new()
    {
        Slug = SlugOf("country-" + countryCode),
        Name = Truncate(countryName, MaxNameLength),
        Description = $"Members working in {countryName}.",
        Kind = ChannelKind.Country,
        CountryCode = countryCode,
        CreatedAt = now,
    };

    /// <summary>An open channel or a working group, made by staff.</summary>
    public static Channel Create(ChannelKind kind, string slug, string name, string? description, TlpLabel defaultTlp, Actor creator, DateTimeOffset now)
    {
        if (kind is not (ChannelKind.Open or ChannelKind.WorkingGroup))
        {
            throw new SharingRuleException("Community, sector and country channels are made by the portal itself.");
        }

        var channel = new Channel
        {
            Slug = RequireSlug(slug),
            Kind = kind,
            CreatedAt = now,
            CreatedById = creator.Id,
        };
        channel.Describe(name, description);
        channel.ChangeDefaultTlp(defaultTlp);
        return channel;
    }

    public void Describe(string name, string? description)
    {
        var trimmedName = name.Trim();
        if (trimmedName.Length is 0 or > MaxNameLength)
        {
            throw new SharingRuleException($"Give the channel a name of at most {MaxNameLength} characters.", nameof(Name));
        }

        var trimmedDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (trimmedDescription is { Length: > MaxDescriptionLength })
        {
            throw new SharingRuleException($"The description may have at most {MaxDescriptionLength} characters.", nameof(Description));
        }

        Name = trimmedName;
        Description = trimmedDescription;
    }

    /// <summary>The label new messages get unless their author picks a stricter one; TLP:RED only for working groups.</summary>
    public void ChangeDefaultTlp(TlpLabel label)
    {
        if (!Enum.IsDefined(label))
        {
            throw new SharingRuleException("Choose a TLP label.", nameof(DefaultTlp));
        }

        if (label == TlpLabel.Red && Kind != ChannelKind.WorkingGroup)
        {
            throw new SharingRuleException("TLP:RED is only for working groups, whose members are named.", nameof(DefaultTlp));
        }

        DefaultTlp = label;
    }

    /// <summary>
    /// Checks the label an author chose for a message here: the channel's default or stricter, and TLP:RED only in a
    /// working group (its readers are named one by one, which RED requires).
    /// </summary>
    public TlpLabel CheckMessageTlp(TlpLabel label, string field)
    {
        if (!Enum.IsDefined(label))
        {
            throw new SharingRuleException("Choose a TLP label.", field);
        }

        if (label < DefaultTlp)
        {
            throw new SharingRuleException(
                $"This channel shares at {DefaultTlp.Display()}: a message here may be stricter, never looser than that.", field);
        }

        if (label == TlpLabel.Red && Kind != ChannelKind.WorkingGroup)
        {
            throw new SharingRuleException("TLP:RED is only for working groups, whose members are named. Choose TLP:AMBER+STRICT here.", field);
        }

        return label;
    }

    public void Archive(DateTimeOffset now) => ArchivedAt ??= now;

    public void Restore() => ArchivedAt = null;

    /// <summary>Whether <paramref name="slug"/> is a valid channel address.</summary>
    public static bool IsValidSlug(string? slug) => slug is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(slug);

    private static string RequireSlug(string slug)
    {
        var trimmed = slug.Trim();
        return IsValidSlug(trimmed)
            ? trimmed
            : throw new SharingRuleException(
                $"The address may use lowercase letters a-z, digits and hyphens, at most {MaxSlugLength} characters.", nameof(Slug));
    }

    /// <summary>A slug from a reference code: lowercase, anything outside a-z0-9 becomes a hyphen.</summary>
    private static string SlugOf(string text)
    {
        var slug = NotSlugCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return Truncate(slug, MaxSlugLength);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlugCharacters();
}
