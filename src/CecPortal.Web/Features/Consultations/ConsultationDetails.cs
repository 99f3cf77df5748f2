namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// What staff write about a consultation before it opens. An empty sector or country list means "every sector" or
/// "every country"; both lists must match for a member to be in the audience.
/// </summary>
public sealed record ConsultationDetails(
    string Title,
    string Institution,
    string Act,
    string ContextMarkdown,
    DateTimeOffset Deadline,
    ConsultationMode Mode,
    IReadOnlyList<string> AudienceSectors,
    IReadOnlyList<string> AudienceCountries);
