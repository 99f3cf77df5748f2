namespace CecPortal.Web.Features.Webinars;

public enum WebinarStatus
{
    Planned = 0,
    Confirmed = 1,
    Cancelled = 2,
    Held = 3,
}
