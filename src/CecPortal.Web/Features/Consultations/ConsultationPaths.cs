namespace CecPortal.Web.Features.Consultations;

/// <summary>Addresses of the member consultation pages, for the absolute links in emails (pages link with asp-page).</summary>
public static class ConsultationPaths
{
    public const string List = "/consultations";

    public static string Consultation(Guid id) => $"/consultations/{id}";
}
