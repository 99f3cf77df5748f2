namespace CecPortal.Web.Infrastructure.Web;

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

    /// <summary>
    /// The same page in ONE round trip: the page's rows each carry the count of the whole list (a scalar subquery that
    /// PostgreSQL runs once). Only a number past the end (an old link) costs the two queries of <see cref="ToPageAsync{T}"/>,
    /// which give the last page.
    /// </summary>
    public static async Task<PageOf<T>> ToPageInOneQueryAsync<T>(this IQueryable<T> query, int number, int size, CancellationToken cancellationToken)
    {
        var current = Math.Max(1, number);
        var rows = await query.Skip((current - 1) * size).Take(size)
            .Select(item => new CountedRow<T>(item, query.Count()))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 && current > 1)
        {
            return await query.ToPageAsync(number, size, cancellationToken);
        }

        return new PageOf<T>([.. rows.Select(r => r.Item)], current, size, rows.Count == 0 ? 0 : rows[0].Total);
    }

    private sealed record CountedRow<T>(T Item, int Total);
}
