using CecPortal.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace CecPortal.Benchmarks;

/// <summary>Where one seeded member works: the country and (optionally) the NIS2 sector of their profile.</summary>
internal readonly record struct MemberProfile(string CountryCode, string? SectorCode);

/// <summary>
/// Confirmed, active members with the Member role, loaded with binary COPY: thousands in a second, where creating
/// them through Identity one by one would take minutes. They have no password (nobody signs in as them through the
/// login form) and, when asked, have accepted the current privacy notice so the consent gate lets them through.
/// </summary>
internal static class MemberSeed
{
    private static readonly string[] Countries = ["FR", "DE", "IT", "ES", "NL", "BE", "AT", "PL", "SE", "FI"];

    /// <summary>
    /// Seeds <paramref name="count"/> members named <c>{prefix}{i}@bench.cec.example</c>, "Member {i}"; their profile
    /// from <paramref name="profile"/>, or ten countries in turn and no sector. Returns their ids, in order.
    /// </summary>
    public static async Task<string[]> CopyAsync(string connectionString, int count, Func<int, MemberProfile>? profile = null, bool acceptPrivacyNotice = false, string prefix = "member")
    {
        profile ??= i => new MemberProfile(Countries[i % Countries.Length], null);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var role = new NpgsqlCommand("""SELECT "Id" FROM "AspNetRoles" WHERE "NormalizedName" = @name""", connection);
        role.Parameters.AddWithValue("name", Roles.Member.ToUpperInvariant());
        var memberRoleId = (string)(await role.ExecuteScalarAsync())!;
        var created = DateTimeOffset.UtcNow.AddYears(-1);
        var ids = new string[count];
        await using (var users = await connection.BeginBinaryImportAsync(
            """COPY "AspNetUsers" ("Id","FullName","Organisation","CountryCode","SectorCode","CreatedAt","HiddenFromDirectory","UserName","NormalizedUserName","Email","NormalizedEmail","EmailConfirmed","SecurityStamp","ConcurrencyStamp","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7().ToString();
                ids[i] = id;
                var email = $"{prefix}{i}@bench.cec.example";
                var normalized = email.ToUpperInvariant();
                var where = profile(i);
                await users.StartRowAsync();
                await users.WriteAsync(id, NpgsqlDbType.Text);
                await users.WriteAsync($"Member {i}", NpgsqlDbType.Varchar);
                await users.WriteAsync($"Organisation {i % 5_000}", NpgsqlDbType.Varchar);
                await users.WriteAsync(where.CountryCode, NpgsqlDbType.Char);
                if (where.SectorCode is { } sector)
                {
                    await users.WriteAsync(sector, NpgsqlDbType.Varchar);
                }
                else
                {
                    await users.WriteNullAsync();
                }

                await users.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await users.WriteAsync(false, NpgsqlDbType.Boolean);
                await users.WriteAsync(email, NpgsqlDbType.Varchar);
                await users.WriteAsync(normalized, NpgsqlDbType.Varchar);
                await users.WriteAsync(email, NpgsqlDbType.Varchar);
                await users.WriteAsync(normalized, NpgsqlDbType.Varchar);
                await users.WriteAsync(true, NpgsqlDbType.Boolean);
                await users.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                await users.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await users.WriteAsync(false, NpgsqlDbType.Boolean);
                await users.WriteAsync(false, NpgsqlDbType.Boolean);
                await users.WriteAsync(true, NpgsqlDbType.Boolean);
                await users.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await users.CompleteAsync();
        }

        await using (var userRoles = await connection.BeginBinaryImportAsync("""COPY "AspNetUserRoles" ("UserId","RoleId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var id in ids)
            {
                await userRoles.StartRowAsync();
                await userRoles.WriteAsync(id, NpgsqlDbType.Text);
                await userRoles.WriteAsync(memberRoleId, NpgsqlDbType.Text);
            }

            await userRoles.CompleteAsync();
        }

        if (acceptPrivacyNotice)
        {
            await using var accept = new NpgsqlCommand(
                """INSERT INTO privacy_acceptances ("UserId", "Version", "AcceptedAt") SELECT id, (SELECT max("Version") FROM privacy_notices), now() FROM unnest(@ids) AS id""", connection);
            accept.Parameters.AddWithValue("ids", ids);
            await accept.ExecuteNonQueryAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
        return ids;
    }
}
