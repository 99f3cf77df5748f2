namespace CecPortal.Web.Features.Membership.Reference;

/// <summary>A user with the names of their country and sector, for the pages and exports that show them.</summary>
public sealed class UserWithPlaceNames
{
    public required PortalUser User { get; init; }

    public string? CountryName { get; init; }

    public string? SectorName { get; init; }
}
