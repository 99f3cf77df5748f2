namespace CecPortal.Web.Features.Webinars.Registration;

public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}
