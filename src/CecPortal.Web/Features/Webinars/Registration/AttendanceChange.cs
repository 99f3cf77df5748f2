namespace CecPortal.Web.Features.Webinars.Registration;

/// <summary>
/// What a register or cancel did: where the member stands now, whether anything changed, their place in line when
/// waiting, and who was promoted from the waiting list (member ids, in order).
/// </summary>
public sealed record AttendanceChange(RegistrationStanding Standing, bool Changed, int? PositionInLine, IReadOnlyList<string> Promoted);
