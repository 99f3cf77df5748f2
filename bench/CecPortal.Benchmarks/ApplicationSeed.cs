using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using Npgsql;
using NpgsqlTypes;

namespace CecPortal.Benchmarks;

/// <summary>
/// Membership applications in bulk with binary COPY: spread over 20 countries, 12 sectors and every status, a third
/// flagged by a pre-check, then VACUUM and ANALYZE, so that the vetting queue sees a realistic mix. The queue's counts
/// (<c>vetting_queue_counts</c>) follow through their trigger, as for any other insert.
/// </summary>
internal static class ApplicationSeed
{
    public static async Task CopyAsync(string connectionString, int count)
    {
        string[] countries = ["FR", "DE", "IT", "ES", "NL", "BE", "AT", "PL", "SE", "FI", "IE", "PT", "CZ", "GR", "RO", "DK", "US", "NO", "CH", "GB"];
        string[] sectors = ["energy", "transport", "banking", "health", "drinking-water", "digital-infrastructure", "public-administration", "space", "manufacturing", "research", "food", "chemicals"];
        var statuses = new[] { ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested, ApplicationStatus.Approved, ApplicationStatus.Declined, ApplicationStatus.Withdrawn, ApplicationStatus.Unverified };
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddYears(-3);
        var ids = new List<Guid>(count);
        // COPY fires the vetting-count trigger per row: on a busy machine that outlasts the default 30 s time-out.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 600 }.ConnectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY membership_applications ("Id","FullName","WorkEmail","NormalizedEmail","EmailDomain","JobTitle","Organisation","OrganisationWebsite","WebsiteDomain","CountryCode","SectorCode","OrganisationSize","Motivation","SponsorResponse","ConsentedNoticeVersion","ConsentedAt","Status","CreatedAt","VerifiedAt","Round","VerificationTokenHash") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                ids.Add(id);
                var created = start.AddMinutes(i * 15);
                var status = statuses[random.Next(statuses.Length)];
                var domain = $"org{i % 20_000}.example";
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"Applicant {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"ciso{i}@{domain}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"CISO{i}@{domain}".ToUpperInvariant(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(domain, NpgsqlDbType.Varchar);
                await writer.WriteAsync("CISO", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Organisation {i % 20_000}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"https://{domain}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(domain, NpgsqlDbType.Varchar);
                await writer.WriteAsync(countries[random.Next(countries.Length)], NpgsqlDbType.Char);
                await writer.WriteAsync(sectors[random.Next(sectors.Length)], NpgsqlDbType.Varchar);
                await writer.WriteAsync(3, NpgsqlDbType.Integer);
                await writer.WriteAsync("I lead security and want to exchange with peers.", NpgsqlDbType.Varchar);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync("1", NpgsqlDbType.Varchar);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync((int)status, NpgsqlDbType.Integer);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                if (status == ApplicationStatus.Unverified)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(created.AddHours(2), NpgsqlDbType.TimestampTz);
                }

                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(new string('0', 64), NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync();
        }

        await using (var flags = await connection.BeginBinaryImportAsync("""COPY application_flags ("ApplicationId","Kind","Explanation") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var id in ids.Where((_, i) => i % 3 == 0))
            {
                await flags.StartRowAsync();
                await flags.WriteAsync(id, NpgsqlDbType.Uuid);
                await flags.WriteAsync((int)(random.Next(2) == 0 ? FlagKind.FreeMailAddress : FlagKind.JobTitleNotSecurityLeadership), NpgsqlDbType.Integer);
                await flags.WriteAsync("Generated for the benchmark.", NpgsqlDbType.Varchar);
            }

            await flags.CompleteAsync();
        }

        // What autovacuum does within a minute or so of a bulk load in production: statistics for the planner and the
        // visibility map, without which every index-only count over the queue would visit the table as well; and the
        // queue's counts, which the trigger updated once per row (1,440 rows in 582 pages before, most of them dead).
        foreach (var statement in (string[])["VACUUM (ANALYZE) membership_applications", "VACUUM (ANALYZE) application_flags", "VACUUM (ANALYZE) vetting_queue_counts", "ANALYZE"])
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
