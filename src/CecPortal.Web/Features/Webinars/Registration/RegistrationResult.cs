namespace CecPortal.Web.Features.Webinars.Registration;

/// <summary>
/// The result of <see cref="WaitingList.Register"/>: the new state and where the member now stands;
/// <c>AlreadyRegistered</c> is true when the member was already confirmed or waiting and nothing changed.
/// </summary>
public sealed record RegistrationResult(WaitingList List, RegistrationStanding Standing, bool AlreadyRegistered);
