namespace CecPortal.Web.Infrastructure.Web;

/// <summary>One page of a list, numbered from 1.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalCount) : PagePosition(Number, Size, TotalCount);
