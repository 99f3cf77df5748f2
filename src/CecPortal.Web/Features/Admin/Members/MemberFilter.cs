namespace CecPortal.Web.Features.Admin.Members;

/// <summary>What the staff member list is narrowed to: free text over name, email and organisation, country, sector, status.</summary>
public sealed record MemberFilter(string? Query, string? Country, string? Sector, string? Status)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Query) && string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Sector) && string.IsNullOrWhiteSpace(Status);
}
