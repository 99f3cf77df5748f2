namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>The three ways results are broken down; each group of one is a country, a sector, or a cell of both.</summary>
public enum BreakdownKind
{
    Country,
    Sector,
    CountryBySector,
}
