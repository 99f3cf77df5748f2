namespace CecPortal.Web.Infrastructure.Web;

/// <summary>Where a page sits in a longer list; what the pager partial needs.</summary>
public record PagePosition(int Number, int Size, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + Size - 1) / Size);

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < TotalPages;
}

/// <summary>One page of a list, numbered from 1.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalCount) : PagePosition(Number, Size, TotalCount);

public static class Paging
{
    /// <summary>Fetches page <paramref name="number"/>; numbers outside the list give its first or last page.</summary>
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, int number, int size, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var last = Math.Max(1, (total + size - 1) / size);
        var current = Math.Clamp(number, 1, last);
        var items = await query.Skip((current - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PageOf<T>(items, current, size, total);
    }
}
