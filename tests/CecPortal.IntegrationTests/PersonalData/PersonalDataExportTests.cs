using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.PersonalData;

/// <summary>"Download my data": the JSON export, and a model-enumerating check that it covers every table holding a member's data.</summary>
public sealed class PersonalDataExportTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Every table of the EF model: where its rows appear in the export (a path into the JSON document, "[]" stepping
    /// into each element of an array), or why it never holds a member's data. A new table fails
    /// <see cref="Model_EveryTable_IsClassifiedForTheExport"/> until it is added here.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, TableClass> Tables = new Dictionary<string, TableClass>
    {
        ["AspNetUsers"] = TableClass.Exported("profile"),
        ["AspNetUserRoles"] = TableClass.Exported("roles"),
        ["AspNetUserClaims"] = TableClass.Exported("signInMethods.claims"),
        ["AspNetUserLogins"] = TableClass.Exported("signInMethods.externalLogins"),
        ["AspNetUserTokens"] = TableClass.Exported("signInMethods.storedTokens"),
        ["AspNetUserPasskeys"] = TableClass.Exported("signInMethods.passkeys"),
        ["membership_applications"] = TableClass.Exported("applications"),
        ["application_events"] = TableClass.Exported("applications[].timeline"),
        ["application_flags"] = TableClass.Exported("applications[].preChecks"),
        ["application_reviews"] = TableClass.Exported("applications[].reviews", "staffWork.applicationReviewsGiven"),
        ["profile_reviews"] = TableClass.Exported("profileChanges", "profileChanges[].preChecks", "staffWork.profileChangesDecided"),
        ["vetter_countries"] = TableClass.Exported("staffWork.vetterCountries"),
        ["vetter_sectors"] = TableClass.Exported("staffWork.vetterSectors"),
        ["briefings"] = TableClass.Exported("staffWork.briefingsWritten"),
        ["briefing_deliveries"] = TableClass.Exported("briefingDeliveries", "sharingSpace.urgentAlertEmails"),
        ["webinar_registrations"] = TableClass.Exported("webinarRegistrations"),
        ["webinar_speakers"] = TableClass.Exported("speakerSlots"),
        ["talk_proposals"] = TableClass.Exported("talkProposals", "staffWork.talkProposalsDecided"),
        ["audit_entries"] = TableClass.Exported("securityAndAuditHistory"),
        ["outbound_emails"] = TableClass.Exported("emailsSentToYou"),
        ["mail_bounces"] = TableClass.Exported("mailBounces"),
        ["privacy_acceptances"] = TableClass.Exported("privacyNoticeAcceptances"),
        ["privacy_notices"] = TableClass.Exported("staffWork.privacyNoticeVersionsPublished"),
        ["breach_notices"] = TableClass.Exported("staffWork.breachNoticesWritten"),
        ["breach_notice_recipients"] = TableClass.Exported("breachNoticesSentToYou"),
        ["webinar_announcements"] = TableClass.Exported("webinarAnnouncementsSentToYou"),
        ["channels"] = TableClass.Exported("staffWork.channelsCreated"),
        ["channel_subscriptions"] = TableClass.Exported("sharingSpace.channels"),
        ["topics"] = TableClass.Exported("sharingSpace.topicsStarted"),
        ["messages"] = TableClass.Exported("sharingSpace.messages", "staffWork.messagesHidden"),
        ["message_revisions"] = TableClass.Exported("sharingSpace.messages[].previousVersions"),
        ["message_mentions"] = TableClass.Exported("sharingSpace.mentionsOfYou"),
        ["message_sightings"] = TableClass.Exported("sharingSpace.seenItToo"),
        ["topic_reads"] = TableClass.Exported("sharingSpace.topicsRead"),
        ["sharing_activity"] = TableClass.Exported("sharingSpace.notifications"),
        ["urgent_alerts"] = TableClass.Exported("sharingSpace.urgentAlerts"),
        ["message_reports"] = TableClass.Exported("sharingSpace.reportsMade", "staffWork.reportsDecided"),
        ["consultations"] = TableClass.Exported("staffWork.consultationsCreated"),
        ["consultation_responses"] = TableClass.Exported("consultationAnswerSets"),
        ["consultation_answers"] = TableClass.Exported("consultationAnswerSets[].answers"),
        ["consultation_questions"] = TableClass.NotPersonal("questions written by staff for every member of the audience"),
        ["briefing_delivery_archives"] = TableClass.NotPersonal("per-briefing counts left when delivery rows expire; no row per person"),
        ["vetting_queue_counts"] = TableClass.NotPersonal("the vetting queue's totals per country, sector and status; no row per person"),
        ["AspNetRoles"] = TableClass.NotPersonal("the role names; a person's roles are in AspNetUserRoles"),
        ["AspNetRoleClaims"] = TableClass.NotPersonal("claims of roles, not of people"),
        ["DataProtectionKeys"] = TableClass.NotPersonal("the portal's key ring"),
        ["countries"] = TableClass.NotPersonal("reference data"),
        ["sectors"] = TableClass.NotPersonal("reference data"),
        ["free_mail_domains"] = TableClass.NotPersonal("reference data"),
        ["webinar_series"] = TableClass.NotPersonal("the monthly rule, written by staff"),
        ["webinar_sessions"] = TableClass.NotPersonal("session content for all members; a person's part is in registrations and speakers"),
        ["webinar_reminders"] = TableClass.NotPersonal("job bookkeeping per session"),
        ["blocked_emails"] = TableClass.NotPersonal("keyed hashes of erased people's addresses, linked to no account"),
    };

    [Fact]
    public void Model_EveryTable_IsClassifiedForTheExport()
    {
        // Arrange
        var tables = ModelTables();

        // Act
        var unclassified = tables.Keys.Where(t => !Tables.ContainsKey(t)).Select(t => $"{tables[t].ClrType.Name} (table {t})").ToList();
        var stale = Tables.Keys.Where(t => !tables.ContainsKey(t)).ToList();

        // Assert
        unclassified.ShouldBeEmpty("classify these entities in PersonalDataExportTests.Tables: Exported(\"path in the export\") or NotPersonal(\"why\")");
        stale.ShouldBeEmpty("these tables are no longer in the model: remove them from PersonalDataExportTests.Tables");
    }

    [Fact]
    public void Model_TablesClassifiedNotPersonal_HaveNothingPointingAtAPerson()
    {
        // Arrange
        var tables = ModelTables();

        // Act: a foreign key to the users table, or a column named like a person's identifier or contact, contradicts "not personal"
        var suspicious = (from entry in Tables
                          where entry.Value.Paths.Count == 0 && tables.ContainsKey(entry.Key)
                          let entity = tables[entry.Key]
                          from reason in PersonalLookingParts(entity)
                          select $"{entry.Key}: {reason}").ToList();

        // Assert
        suspicious.ShouldBeEmpty("these tables are classified NotPersonal but reference a person: export them instead");
    }

    [Fact]
    public async Task Export_SeededPersonInEveryTable_HasRowsInEveryExportedSection()
    {
        // Arrange
        var person = await PersonalDataSeed.SeedAsync(portal, "export");

        // Act
        var json = await ExportAsync(person);

        // Assert
        var empty = Tables.Where(t => t.Value.Paths.Count > 0)
            .SelectMany(t => t.Value.Paths.Select(path => (Table: t.Key, Path: path)))
            .Where(p => !HasData(json, p.Path))
            .Select(p => $"{p.Table} -> {p.Path}")
            .ToList();
        empty.ShouldBeEmpty("the seeded person has rows in these tables, but the export shows none");
        json["format"]!.GetValue<string>().ShouldBe(PersonalDataExport.Format);
        json["formatVersion"]!.GetValue<int>().ShouldBe(PersonalDataExport.Version);
        json["profile"]!["email"]!.GetValue<string>().ShouldBe(person.Email);
        json["privateAddresses"]!["hasBriefingFeedAddress"]!.GetValue<bool>().ShouldBeTrue();
        json.ToJsonString().ShouldNotContain(person.FeedTokenHash, customMessage: "token hashes are never exported");
        json.ToJsonString().ShouldNotContain("KEY" + person.Needle, customMessage: "stored token values are never exported");
    }

    [Fact]
    public async Task Export_ApplicationWithVetterNotes_LeavesOutInternalNotesAndVetterNames()
    {
        // Arrange
        var person = await PersonalDataSeed.SeedAsync(portal, "notes");

        // Act
        var json = await ExportAsync(person);

        // Assert
        var text = json["applications"]!.ToJsonString();
        text.ShouldContain($"Answer {person.Needle}: the Flemish grid.");
        text.ShouldContain("Which grid do you run?");
        text.ShouldNotContain("Internal note about");
        text.ShouldNotContain("Sector fits.");
        text.ShouldNotContain("Country Vetter");
        json["applications"]![0]!["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ShouldNotContain("ReviewedApprove");
    }

    [Fact]
    public async Task PostData_SignedIn_DownloadsDatedJsonAttachmentAndAuditsIt()
    {
        // Arrange
        var person = await PersonalDataSeed.SeedAsync(portal, "download");
        using var client = await portal.SignedInClientAsync(person.Email);

        // Act
        using var response = await client.SubmitFormAsync("/profile/data", new Dictionary<string, string>(), "form[data-testid=export-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"cec-portal-my-data-{DateTime.UtcNow:yyyy-MM-dd}.json");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        json["profile"]!["fullName"]!.GetValue<string>().ShouldBe(person.FullName);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == SecurityEvents.DataExported && e.Subject == SecurityEvents.UserSubject(person.Id), Token))).ShouldBe(1);
    }

    [Fact]
    public async Task PostData_WithoutAntiforgeryToken_IsRefusedAndNothingIsExported()
    {
        // Arrange
        var person = await PersonalDataSeed.SeedAsync(portal, "csrf");
        using var client = await portal.SignedInClientAsync(person.Email);

        // Act
        using var content = new FormUrlEncodedContent([]);
        using var response = await client.PostAsync(new Uri("/profile/data", UriKind.Relative), content, Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == SecurityEvents.DataExported && e.Subject == SecurityEvents.UserSubject(person.Id), Token))).ShouldBe(0);
    }

    [Fact]
    public async Task GetData_Anonymously_RedirectsToSignIn()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/profile/data", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    private async Task<JsonNode> ExportAsync(SeededPerson person)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var bytes = await scope.ServiceProvider.GetRequiredService<PersonalDataExport>().ExportJsonAsync(person.Id, Token);
        return JsonNode.Parse(bytes.ShouldNotBeNull())!;
    }

    private static bool HasData(JsonNode root, string path)
    {
        IEnumerable<JsonNode?> nodes = [root];
        foreach (var step in path.Split('.'))
        {
            var name = step.EndsWith("[]", StringComparison.Ordinal) ? step[..^2] : step;
            nodes = nodes.Select(n => n?[name]);
            if (step.EndsWith("[]", StringComparison.Ordinal))
            {
                nodes = nodes.SelectMany(n => n is JsonArray array ? array : []);
            }
        }

        return nodes.Any(n => n switch
        {
            null => false,
            JsonArray array => array.Count > 0,
            JsonObject obj => obj.Count > 0,
            JsonValue value => value.GetValueKind() is not JsonValueKind.Null,
            _ => false,
        });
    }

    private Dictionary<string, IEntityType> ModelTables()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToDictionary(e => e.GetTableName()!);
    }

    private static IEnumerable<string> PersonalLookingParts(IEntityType entity)
    {
        foreach (var key in entity.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == typeof(PortalUser)))
        {
            yield return $"foreign key {string.Join(", ", key.Properties.Select(p => p.Name))} to the users table";
        }

        foreach (var property in entity.GetProperties())
        {
            var name = property.Name;
            if (name.Contains("Email", StringComparison.OrdinalIgnoreCase) || name.EndsWith("UserId", StringComparison.Ordinal)
                || name.EndsWith("MemberId", StringComparison.Ordinal) || name.EndsWith("ById", StringComparison.Ordinal)
                || name is "ActorId" or "ReviewerId" or "To" or "IpAddress" or "UserAgent" or "FullName" or "PhoneNumber")
            {
                yield return $"column {name}";
            }
        }
    }
}

/// <summary>How a table relates to the export: the JSON paths that show its rows, or none with the reason why.</summary>
internal sealed record TableClass(IReadOnlyList<string> Paths, string? Reason)
{
    public static TableClass Exported(params string[] paths) => new(paths, null);

    public static TableClass NotPersonal(string reason) => new([], reason);
}
