namespace CecPortal.Web.Features.Sharing.Search;

/// <summary>A channel the member may read, as the search form offers it.</summary>
public sealed record SearchChannel(Guid Id, string Slug, string Name);
