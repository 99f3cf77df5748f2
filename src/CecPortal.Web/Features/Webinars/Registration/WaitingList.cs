namespace CecPortal.Web.Features.Webinars.Registration;

/// <summary>
/// The registration rules of one session, without storage: up to <see cref="Capacity"/> confirmed places, then a
/// first-in first-out waiting list. Immutable: every operation returns the new state and what changed, so the
/// session entity (or a test) applies it to its rows and sends the emails. Lowering the capacity never removes anyone
/// already confirmed; it only stops new confirmations until enough people cancel.
/// </summary>
public sealed class WaitingList
{
    private WaitingList(int capacity, IReadOnlyList<string> confirmed, IReadOnlyList<string> waiting)
    {
        Capacity = capacity;
        Confirmed = confirmed;
        Waiting = waiting;
    }

    public int Capacity { get; }

    /// <summary>Confirmed members, in the order they got their place.</summary>
    public IReadOnlyList<string> Confirmed { get; }

    /// <summary>Waiting members, first in line first.</summary>
    public IReadOnlyList<string> Waiting { get; }

    public int FreePlaces => Math.Max(0, Capacity - Confirmed.Count);

    public bool IsFull => FreePlaces == 0;

    /// <summary>
    /// The state as stored. Throws <see cref="ArgumentException"/> for a capacity below 1, a member listed twice, or people
    /// waiting while places are free (the rules never leave it so).
    /// </summary>
    public static WaitingList Create(int capacity, IEnumerable<string>? confirmed = null, IEnumerable<string>? waiting = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var confirmedList = (confirmed ?? []).ToArray();
        var waitingList = (waiting ?? []).ToArray();
        var all = confirmedList.Concat(waitingList).ToArray();
        if (all.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A member id is empty.");
        }

        if (all.Distinct(StringComparer.Ordinal).Count() != all.Length)
        {
            throw new ArgumentException("A member is registered more than once.");
        }

        if (waitingList.Length > 0 && confirmedList.Length < capacity)
        {
            throw new ArgumentException("Members are waiting although places are free.");
        }

        return new WaitingList(capacity, confirmedList, waitingList);
    }

    public RegistrationStanding StandingOf(string memberId) =>
        Confirmed.Contains(memberId, StringComparer.Ordinal) ? RegistrationStanding.Confirmed
        : Waiting.Contains(memberId, StringComparer.Ordinal) ? RegistrationStanding.Waitlisted
        : RegistrationStanding.NotRegistered;

    /// <summary>1 for the first in line; null when the member is not waiting.</summary>
    public int? PositionInLine(string memberId)
    {
        var index = IndexOf(Waiting, memberId);
        return index < 0 ? null : index + 1;
    }

    /// <summary>A free place confirms the member; otherwise they join the end of the waiting list. Registering twice changes nothing.</summary>
    public RegistrationResult Register(string memberId)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var standing = StandingOf(memberId);
        if (standing != RegistrationStanding.NotRegistered)
        {
            return new RegistrationResult(this, standing, AlreadyRegistered: true);
        }

        return IsFull
            ? new RegistrationResult(new WaitingList(Capacity, Confirmed, [.. Waiting, memberId]), RegistrationStanding.Waitlisted, false)
            : new RegistrationResult(new WaitingList(Capacity, [.. Confirmed, memberId], Waiting), RegistrationStanding.Confirmed, false);
    }

    /// <summary>
    /// Removes the member. A confirmed member's place goes to the first in line (reported in
    /// <see cref="WaitingListChange.Promoted"/>); a waiting member just leaves the line. Unknown members change nothing.
    /// </summary>
    public WaitingListChange Cancel(string memberId)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var standing = StandingOf(memberId);
        return standing switch
        {
            RegistrationStanding.Confirmed => Fill(Capacity, Without(Confirmed, memberId), Waiting, standing),
            RegistrationStanding.Waitlisted => new WaitingListChange(new WaitingList(Capacity, Confirmed, Without(Waiting, memberId)), standing, []),
            _ => new WaitingListChange(this, standing, []),
        };
    }

    /// <summary>A new capacity (at least 1): more places promote the first in line, in order; fewer places remove nobody.</summary>
    public WaitingListChange WithCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Fill(capacity, Confirmed, Waiting, RegistrationStanding.NotRegistered);
    }

    private static WaitingListChange Fill(int capacity, IReadOnlyList<string> confirmed, IReadOnlyList<string> waiting, RegistrationStanding previous)
    {
        var promotedCount = Math.Min(waiting.Count, Math.Max(0, capacity - confirmed.Count));
        var promoted = waiting.Take(promotedCount).ToArray();
        var list = new WaitingList(capacity, [.. confirmed, .. promoted], [.. waiting.Skip(promotedCount)]);
        return new WaitingListChange(list, previous, promoted);
    }

    private static string[] Without(IReadOnlyList<string> members, string memberId) =>
        [.. members.Where(m => !string.Equals(m, memberId, StringComparison.Ordinal))];

    private static int IndexOf(IReadOnlyList<string> members, string memberId)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (string.Equals(members[i], memberId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
