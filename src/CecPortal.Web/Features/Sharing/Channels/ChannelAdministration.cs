using CecPortal.Web.Infrastructure.Audit;
using Npgsql;

namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// What staff (Moderators and Admins) do to channels, and what a working group's own moderators do to its members: one
/// class for the staff pages and the group moderators' page alike. Who may manage a working group's members is decided
/// in SQL (<see cref="ManageableGroups"/>), as <see cref="ChannelAccess"/> decides who may read. Every change writes an
/// audit entry in the same save, naming channels and people by id only.
/// </summary>
public sealed class ChannelAdministration(AppDbContext db, ChannelAccess access, AuditLog audit, TimeProvider clock)
{
    public const string CreateAction = "channel.create";
    public const string EditAction = "channel.edit";
    public const string ArchiveAction = "channel.archive";
    public const string RestoreAction = "channel.restore";
    public const string AddMemberAction = "channel.member-add";
    public const string RemoveMemberAction = "channel.member-remove";
    public const string GrantGroupModeratorAction = "channel.group-moderator-grant";
    public const string RevokeGroupModeratorAction = "channel.group-moderator-revoke";

    /// <summary>How many people a member search offers at most: enough to pick from, too few to page through everyone.</summary>
    public const int MaxCandidates = 20;

    private const string UniqueViolation = "23505";

    /// <summary>Staff roles that run the sharing space (the <c>Moderation</c> policy).</summary>
    private static readonly string[] ModerationRoles = [Roles.Moderator, Roles.Admin];

    /// <summary>Everyone who may read channels at all (as in <see cref="ChannelAccess"/>): members and every staff role.</summary>
    private static readonly string[] CommunityRoles = [Roles.Member, .. Roles.Staff];

    public static string Subject(Guid channelId) => $"channel:{channelId}";

    /// <summary>Whether the channel's name comes from the portal (community) or the reference data (sector, country).</summary>
    public static bool NameIsFixed(ChannelKind kind) => kind is ChannelKind.Community or ChannelKind.Sector or ChannelKind.Country;

    /// <summary>Every channel for the staff list, with how many people it reaches now (from the profiles, or its subscriptions).</summary>
    public async Task<IReadOnlyList<ChannelListing>> ListAsync(CancellationToken cancellationToken)
    {
        var readers = ActiveCommunity();
        return await db.Channels.AsNoTracking()
            .OrderBy(c => c.Kind).ThenBy(c => c.Name)
            .Select(c => new ChannelListing(
                c.Id,
                c.Slug,
                c.Name,
                c.Kind,
                c.DefaultTlp,
                c.ArchivedAt,
                c.Kind == ChannelKind.Community ? readers.Count()
                : c.Kind == ChannelKind.Sector ? readers.Count(u => u.SectorCode == c.SectorCode)
                : c.Kind == ChannelKind.Country ? readers.Count(u => u.CountryCode == c.CountryCode)
                : db.ChannelSubscriptions.Count(s => s.ChannelId == c.Id && readers.Any(u => u.Id == s.UserId))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>An open channel or a working group; returns its id.</summary>
    public async Task<Guid> CreateAsync(ChannelKind kind, string slug, string name, string? description, TlpLabel defaultTlp, Actor actor, CancellationToken cancellationToken)
    {
        var channel = Channel.Create(kind, slug, name, description, defaultTlp, actor, clock.GetUtcNow());
        if (await db.Channels.AnyAsync(c => c.Slug == channel.Slug, cancellationToken))
        {
            throw SlugTaken();
        }

        db.Channels.Add(channel);
        audit.Record(actor, CreateAction, Subject(channel.Id), $"{kind}, {defaultTlp.Display()}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // Another member of staff took the same address between the check and the save.
            throw SlugTaken();
        }

        return channel.Id;
    }

    /// <summary>
    /// Changes the name, description and default label of the channel as it was at <paramref name="version"/> (its
    /// <c>xmin</c>): a colleague's save in between is refused rather than overwritten. The community, sector and country
    /// channels keep their name; <paramref name="name"/> null leaves it as it is. Returns whether anything changed.
    /// </summary>
    public async Task<bool> EditAsync(Guid channelId, uint version, string? name, string? description, TlpLabel defaultTlp, Actor actor, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken) ?? throw NoSuchChannel();
        if (channel.Version != version)
        {
            throw Conflict();
        }

        // The UPDATE checks xmin again, for a save that lands between this read and ours.
        db.Entry(channel).Property(c => c.Version).OriginalValue = version;
        if (NameIsFixed(channel.Kind) && name is not null && name.Trim() != channel.Name)
        {
            throw new SharingRuleException("The community, sector and country channels keep the portal's name for them; change the description instead.", nameof(Channel.Name));
        }

        channel.Describe(name ?? channel.Name, description);
        channel.ChangeDefaultTlp(defaultTlp);
        db.ChangeTracker.DetectChanges();
        var changed = db.Entry(channel).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Count == 0)
        {
            return false;
        }

        audit.Record(actor, EditAction, Subject(channel.Id), $"Changed: {string.Join(", ", changed)}; {channel.DefaultTlp.Display()}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }

        return true;
    }

    /// <summary>Archives the channel: no one reads it or is offered it any more; its messages stay. The community channel stays open.</summary>
    public async Task ArchiveAsync(Guid channelId, Actor actor, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken) ?? throw NoSuchChannel();
        if (channel.Kind == ChannelKind.Community)
        {
            throw new SharingRuleException("The community channel is everyone's room; it cannot be archived.");
        }

        if (channel.ArchivedAt is not null)
        {
            throw new SharingRuleException("This channel is already archived.");
        }

        channel.Archive(clock.GetUtcNow());
        audit.Record(actor, ArchiveAction, Subject(channel.Id));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RestoreAsync(Guid channelId, Actor actor, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken) ?? throw NoSuchChannel();
        if (channel.ArchivedAt is null)
        {
            throw new SharingRuleException("This channel is not archived.");
        }

        channel.Restore();
        audit.Record(actor, RestoreAction, Subject(channel.Id));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The working groups whose members <paramref name="actorId"/> may manage, in SQL: every working group for an active
    /// Moderator or Admin; otherwise those the actor may read (so not when suspended, erased or the group is archived)
    /// and is a group moderator of.
    /// </summary>
    public IQueryable<Channel> ManageableGroups(string actorId)
    {
        var staff = IsModerationStaff(actorId);
        var moderated = access.ReadableBy(actorId)
            .Where(c => db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == actorId && s.Role == SubscriptionRole.GroupModerator))
            .Select(c => c.Id);
        return db.Channels.Where(c => c.Kind == ChannelKind.WorkingGroup && (staff.Any() || moderated.Contains(c.Id)));
    }

    /// <summary>The group's members, its moderators first.</summary>
    public async Task<IReadOnlyList<GroupMember>> MembersAsync(Guid channelId, CancellationToken cancellationToken) =>
        await (from s in db.ChannelSubscriptions.AsNoTracking()
               join u in db.Users on s.UserId equals u.Id
               where s.ChannelId == channelId
               orderby s.Role descending, u.FullName
               select new GroupMember(u.Id, u.FullName, u.Organisation, u.Email, s.Role, s.JoinedAt, u.SuspendedAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// People who could be added to the group, by what was typed. Staff search every active member and member of staff by
    /// name or email; a group moderator searches as the member directory shows people: members who have not hidden
    /// themselves, by name or by their exact email address, and sees no email addresses.
    /// </summary>
    public async Task<IReadOnlyList<MemberCandidate>> CandidatesAsync(Guid channelId, string? query, bool staffSearch, CancellationToken cancellationToken)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length < 2)
        {
            return [];
        }

        var contains = SearchPattern.Contains(text);
        var exactly = SearchPattern.Exactly(text);
        var people = (staffSearch ? ActiveCommunity() : ActiveCommunity(Roles.Member).Where(u => !u.HiddenFromDirectory))
            .Where(u => !db.ChannelSubscriptions.Any(s => s.ChannelId == channelId && s.UserId == u.Id));
        people = staffSearch
            ? people.Where(u => EF.Functions.ILike(u.FullName, contains, SearchPattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, contains, SearchPattern.EscapeCharacter))
            : people.Where(u => EF.Functions.ILike(u.FullName, contains, SearchPattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, exactly, SearchPattern.EscapeCharacter));
        return await people.AsNoTracking()
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Take(MaxCandidates)
            .Select(u => new MemberCandidate(u.Id, u.FullName, u.Organisation, staffSearch ? u.Email : null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds an active member (or member of staff) to the working group; returns their name for the page.</summary>
    public async Task<string> AddMemberAsync(Guid channelId, string userId, Actor actor, CancellationToken cancellationToken)
    {
        await RequireManageableAsync(channelId, actor, cancellationToken);
        var name = await ActiveCommunity().Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken)
            ?? throw new SharingRuleException("Choose an active member to add.");
        if (await db.ChannelSubscriptions.AnyAsync(s => s.ChannelId == channelId && s.UserId == userId, cancellationToken))
        {
            throw new SharingRuleException($"{name} is already in this working group.");
        }

        db.ChannelSubscriptions.Add(ChannelSubscription.Add(channelId, userId, SubscriptionRole.Member, actor, clock.GetUtcNow()));
        audit.Record(actor, AddMemberAction, Subject(channelId), SecurityEvents.UserSubject(userId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            throw new SharingRuleException($"{name} is already in this working group.");
        }

        return name;
    }

    /// <summary>Removes a member from the working group: from the next read on they no longer see it.</summary>
    public async Task<string> RemoveMemberAsync(Guid channelId, string userId, Actor actor, CancellationToken cancellationToken)
    {
        var staff = await RequireManageableAsync(channelId, actor, cancellationToken);
        var (subscription, name) = await FindMemberAsync(channelId, userId, cancellationToken);
        RequireNotSelf(userId, actor, staff, "leave the group's management to another moderator or to staff, who can remove you");
        db.ChannelSubscriptions.Remove(subscription);
        audit.Record(actor, RemoveMemberAction, Subject(channelId), SecurityEvents.UserSubject(userId));
        await db.SaveChangesAsync(cancellationToken);
        return name;
    }

    /// <summary>Makes a member one of the group's moderators, or a plain member again; returns their name for the page.</summary>
    public async Task<string> ChangeGroupModeratorAsync(Guid channelId, string userId, bool moderator, Actor actor, CancellationToken cancellationToken)
    {
        var staff = await RequireManageableAsync(channelId, actor, cancellationToken);
        var (subscription, name) = await FindMemberAsync(channelId, userId, cancellationToken);
        var role = moderator ? SubscriptionRole.GroupModerator : SubscriptionRole.Member;
        if (subscription.Role == role)
        {
            throw new SharingRuleException(moderator ? $"{name} is already a moderator of this group." : $"{name} is not a moderator of this group.");
        }

        if (!moderator)
        {
            RequireNotSelf(userId, actor, staff, "ask another moderator of the group or staff to change your role");
        }

        subscription.ChangeRole(role);
        audit.Record(actor, moderator ? GrantGroupModeratorAction : RevokeGroupModeratorAction, Subject(channelId), SecurityEvents.UserSubject(userId));
        await db.SaveChangesAsync(cancellationToken);
        return name;
    }

    /// <summary>Checks in SQL that the actor manages this group; returns whether they do so as staff.</summary>
    private async Task<bool> RequireManageableAsync(Guid channelId, Actor actor, CancellationToken cancellationToken)
    {
        if (!await ManageableGroups(actor.Id).AnyAsync(c => c.Id == channelId, cancellationToken))
        {
            throw new SharingRuleException("There is no such working group.");
        }

        return await IsModerationStaff(actor.Id).AnyAsync(cancellationToken);
    }

    private async Task<(ChannelSubscription Subscription, string Name)> FindMemberAsync(Guid channelId, string userId, CancellationToken cancellationToken)
    {
        var found = await (from s in db.ChannelSubscriptions
                           join u in db.Users on s.UserId equals u.Id
                           where s.ChannelId == channelId && s.UserId == userId
                           select new { Subscription = s, u.FullName })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? throw new SharingRuleException("This person is not in the working group.") : (found.Subscription, found.FullName);
    }

    /// <summary>A group moderator cannot take themselves out: the group would be left without anyone who can add members back.</summary>
    private static void RequireNotSelf(string userId, Actor actor, bool staff, string instead)
    {
        if (!staff && userId == actor.Id)
        {
            throw new SharingRuleException($"You cannot do this to yourself here: {instead}.");
        }
    }

    /// <summary>The actor, when they are an active, not erased Moderator or Admin (as a query, so callers compose it in SQL).</summary>
    private IQueryable<PortalUser> IsModerationStaff(string actorId) =>
        ActiveCommunity(ModerationRoles).Where(u => u.Id == actorId);

    /// <summary>Accounts that are not suspended or erased and hold one of <paramref name="roles"/> (by default every community role).</summary>
    private IQueryable<PortalUser> ActiveCommunity(params string[] roles)
    {
        var wanted = roles.Length == 0 ? CommunityRoles : roles;
        return db.Users.ActiveMembers()
            .Where(u => u.ErasedAt == null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && wanted.Contains(r.Name!))));
    }

    private static SharingRuleException NoSuchChannel() => new("This channel no longer exists.");

    private static SharingRuleException SlugTaken() => new("Another channel already has this address; choose another.", nameof(Channel.Slug));

    private static SharingRuleException Conflict() =>
        new("Someone else changed this channel meanwhile. What you typed is kept below; reload the page to see their change, then save again.");
}
