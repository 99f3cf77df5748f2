using CecPortal.Web.Features.Webinars.Registration;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>Where the member stands for a session: confirmed, n-th in line, or not registered.</summary>
public sealed record MemberPlace(RegistrationStanding Standing, int? PositionInLine)
{
    public static readonly MemberPlace None = new(RegistrationStanding.NotRegistered, null);

    public bool IsRegistered => Standing != RegistrationStanding.NotRegistered;
}
