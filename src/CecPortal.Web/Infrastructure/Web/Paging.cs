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
    /// The same page in ONE round trip, read by a compiled query: <paramref name="read"/> takes (skip, take) and gives
    /// rows that each carry the count of the whole list (<paramref name="total"/>; a scalar subquery that PostgreSQL
    /// runs once). Only a number past the end (an old link) costs two more reads: one row for the count, then the last page.
    /// </summary>
    public static async Task<PageOf<T>> ToPageInOneQueryAsync<TRow, T>(
        Func<int, int, ValueTask<List<TRow>>> read, Func<TRow, int> total, Func<TRow, T> item, int number, int size)
    {
        var current = Math.Max(1, number);
        var rows = await read((current - 1) * size, size);
        if (rows.Count == 0 && current > 1)
        {
            var first = await read(0, 1);
            var count = first.Count == 0 ? 0 : total(first[0]);
            current = Math.Max(1, (count + size - 1) / size);
            rows = await read((current - 1) * size, size);
        }

        return new PageOf<T>([.. rows.Select(item)], current, size, rows.Count == 0 ? 0 : total(rows[0]));
    }
}
