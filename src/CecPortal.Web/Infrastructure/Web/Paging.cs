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
}
