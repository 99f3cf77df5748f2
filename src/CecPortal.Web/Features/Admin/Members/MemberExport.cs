using CecPortal.Web.Features.Membership.Reference;
using CecPortal.Web.Infrastructure.Audit;
using CsvHelper;

namespace CecPortal.Web.Features.Admin.Members;

/// <summary>
/// The filtered member list as CSV for staff (Admins only, like the list itself), with an audit entry that says which
/// filter was used and how many rows left the portal. The entry names no member: the free-text search may be a person's
/// name or address, so only whether one was given is recorded.
/// </summary>
public sealed class MemberExport(AppDbContext db, MemberSearch search, AuditLog audit, TimeProvider clock)
{
    public const string ExportAction = "member.export";
    public const string ExportSubject = "members";

    public static readonly IReadOnlyList<string> Header =
        ["Name", "Email", "Job title", "Organisation", "Country", "Sector", "Status", "Member since"];

    /// <summary>
    /// Fields that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading single quote, so
    /// a member who calls their organisation "=HYPERLINK(…)" cannot attack the staff member who opens the file.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        WriteByteOrderMark = true,
    };

    public sealed record Export(byte[] Content, int RowCount, string FileName);

    public async Task<Export> ExportAsync(MemberFilter filter, Actor actor, CancellationToken cancellationToken)
    {
        var options = await search.OptionsAsync(cancellationToken);
        var rows = await search.Members(filter, options)
            .WithPlaceNames(db)
            .Select(x => new
            {
                x.User.FullName,
                x.User.Email,
                x.User.JobTitle,
                x.User.Organisation,
                Country = x.CountryName,
                Sector = x.SectorName,
                x.User.SuspendedAt,
                x.User.LapsedAt,
                x.User.LeftAt,
                x.User.CreatedAt,
            })
            .ToListAsync(cancellationToken);

        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var row in rows)
            {
                csv.WriteRecord(
                    row.FullName,
                    row.Email ?? string.Empty,
                    row.JobTitle ?? string.Empty,
                    row.Organisation ?? string.Empty,
                    row.Country ?? string.Empty,
                    row.Sector ?? string.Empty,
                    row.SuspendedAt is not null ? "Suspended" : row.LeftAt is not null ? "Alumni" : row.LapsedAt is not null ? "Lapsed" : "Active",
                    row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            await csv.FlushAsync(cancellationToken);
        }

        audit.Record(actor, ExportAction, ExportSubject, $"{Describe(filter, options)}; {rows.Count} {(rows.Count == 1 ? "row" : "rows")}");
        await db.SaveChangesAsync(cancellationToken);
        var fileName = $"cec-members-{clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return new Export(buffer.ToArray(), rows.Count, fileName);
    }

    /// <summary>
    /// The filter in the audit note: the country and sector codes and the status when they are ones the list knows
    /// ("unknown" otherwise, so nothing typed into the address bar lands in the log), the search text never.
    /// </summary>
    internal static string Describe(MemberFilter filter, MemberSearch.FilterOptions options)
    {
        static string Known(string? value, IEnumerable<string> known) =>
            string.IsNullOrWhiteSpace(value) ? "any"
            : known.FirstOrDefault(k => string.Equals(k, value.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "unknown";
        var search = string.IsNullOrWhiteSpace(filter.Query) ? "none" : "given (text not recorded)";
        return $"Filter: search {search}; country {Known(filter.Country, options.Countries.Select(c => c.Code))}; "
            + $"sector {Known(filter.Sector, options.Sectors.Select(s => s.Code))}; status {Known(filter.Status, MemberStatuses.Options.Select(o => o.Value))}";
    }
}
