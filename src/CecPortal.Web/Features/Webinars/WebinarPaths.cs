namespace CecPortal.Web.Features.Webinars;

/// <summary>Addresses of the member webinar pages, for the absolute links in emails and calendar events (pages link with asp-page).</summary>
public static class WebinarPaths
{
    public static string Session(Guid id) => $"/webinars/{id}";
}
