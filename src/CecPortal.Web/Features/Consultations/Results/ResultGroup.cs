namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// A published group of respondents. <see cref="CountryCode"/> and <see cref="SectorKey"/> name the country and sector
/// the group is (null: the merged "other" group of that dimension, or a dimension the breakdown does not use); which
/// countries or sectors were merged is never published, because listing them would tell that someone from a small
/// country or sector answered.
/// </summary>
public sealed record ResultGroup(string Label, int Respondents, string? CountryCode, string? CountryLabel, string? SectorKey, string? SectorLabel);
