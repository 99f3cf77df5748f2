namespace CecPortal.Web.Features.Webinars.Sessions;

public enum WebinarStatus
{
    Planned = 0,
    Confirmed = 1,
    Cancelled = 2,
    Held = 3,
}
