namespace CecPortal.Web.Features.Sharing.Sightings;

/// <summary>How many members of one sector (by their profile now; null for none) said "seen it too" on one message.</summary>
public sealed record SectorSightings(string? Sector, int Count);
