namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// One submitted answer set, without any member id. Country: ISO 3166 alpha-2 as stored on the profile; Sector: the NIS2
/// sector key as stored. The results group respondents by these two values only.
/// </summary>
public sealed record ResultResponse(string Country, string Sector, IReadOnlyDictionary<Guid, ResultAnswer> Answers);
