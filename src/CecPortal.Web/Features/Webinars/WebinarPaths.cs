namespace CecPortal.Web.Features.Webinars;

/// <summary>Addresses of the member webinar pages.</summary>
public static class WebinarPaths
{
    public const string Index = "/webinars";

    public static string Session(Guid id) => $"/webinars/{id}";
}
