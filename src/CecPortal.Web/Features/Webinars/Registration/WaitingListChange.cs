namespace CecPortal.Web.Features.Webinars.Registration;

/// <summary>
/// The result of <see cref="WaitingList.Cancel"/> or <see cref="WaitingList.WithCapacity"/>: the new state, where the
/// member stood before (for a cancel), and who moved from the waiting list to a confirmed place, in order (to email them).
/// </summary>
public sealed record WaitingListChange(WaitingList List, RegistrationStanding PreviousStanding, IReadOnlyList<string> Promoted);
