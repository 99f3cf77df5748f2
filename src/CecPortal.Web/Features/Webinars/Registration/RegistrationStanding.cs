namespace CecPortal.Web.Features.Webinars.Registration;

/// <summary>Where a member stands for one session.</summary>
public enum RegistrationStanding
{
    NotRegistered = 0,
    Confirmed = 1,
    Waitlisted = 2,
}
