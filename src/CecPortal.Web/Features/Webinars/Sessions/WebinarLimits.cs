namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>Field limits shared by the webinar entities, their configuration and the forms.</summary>
public static class WebinarLimits
{
    public const int Title = 200;
    public const int Abstract = 20_000;
    public const int Url = 500;
    public const int TimeZoneId = 64;
    public const int GuestName = 200;
    public const int Note = 1_000;
    public const int MaxCapacity = 10_000;
}
