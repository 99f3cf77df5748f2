using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Profile;
using Shouldly;
using static CecPortal.IntegrationTests.Profile.ProfileTestKit;

namespace CecPortal.IntegrationTests.Profile;

public sealed class ProfileEditingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task PostDetails_ValidInput_SavesTrimmedAndAuditsTheChangedFieldNames()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Aino Aalto");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var response = await client.SubmitFormAsync("/profile", Details("  Aino Aalto-Virtanen ", "Group CISO", " Aino Aalto Oy ", "FI", "energy", show: true), "[data-testid=details-form]");
        var page = await client.GetDocumentAsync("/profile");

        // Assert (a change of organisation, country or sector waits for a vetter: see ProfileChangeTests)
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/profile#details");
        var stored = await StoredUserAsync(portal, id);
        (stored.FullName, stored.JobTitle, stored.Organisation, stored.CountryCode, stored.SectorCode, stored.HiddenFromDirectory)
            .ShouldBe(("Aino Aalto-Virtanen", "Group CISO", "Aino Aalto Oy", "FI", "energy", false));
        page.QuerySelector("[data-testid=profile-name]")!.TextContent.ShouldBe("Aino Aalto-Virtanen");
        page.QuerySelector("#Details_CountryCode option[selected]")!.GetAttribute("value").ShouldBe("FI");
        page.QuerySelector("[data-testid=pending-profile-change]").ShouldBeNull();
        var entry = await portal.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(e => e.Subject == $"user:{id}" && e.Action == ProfileEditor.UpdateAction).Select(e => new { e.ActorId, e.Note }).Single()));
        entry.ActorId.ShouldBe(id);
        entry.Note.ShouldBe("Changed: name, job title.");
    }

    [Fact]
    public async Task PostDetails_NoChange_WritesNoAuditEntry()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Bo Berg", "SE", "transport");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var response = await client.SubmitFormAsync("/profile", Details("Bo Berg", "CISO", "Bo Berg Oy", "SE", "transport", show: true), "[data-testid=details-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditActionsAsync(portal, id)).ShouldNotContain(ProfileEditor.UpdateAction);
    }

    [Fact]
    public async Task PostDetails_EmptyNameAndUnknownCountry_ReshowsTheFormAsTypedAndSavesNothing()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Carla Conti", "IT", "banking");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var emptyName = await client.SubmitFormAsync("/profile", Details("   ", "Head of Security", "Conti SpA", "IT", "banking", show: false), "[data-testid=details-form]");
        var emptyNamePage = await emptyName.ReadDocumentAsync();
        using var unknownCountry = await client.SubmitFormAsync("/profile", Details("Carla Conti", "Head of Security", "Conti SpA", "XX", "banking", show: true), "[data-testid=details-form]");
        var unknownCountryPage = await unknownCountry.ReadDocumentAsync();
        using var unknownSector = await client.SubmitFormAsync("/profile", Details("Carla Conti", "Head of Security", "Conti SpA", "IT", "piracy", show: true), "[data-testid=details-form]");
        var unknownSectorPage = await unknownSector.ReadDocumentAsync();

        // Assert
        emptyName.StatusCode.ShouldBe(HttpStatusCode.OK);
        emptyNamePage.QuerySelector("[data-testid=full-name-error]")!.TextContent.ShouldBe("Enter your name.");
        emptyNamePage.QuerySelector("#Details_JobTitle")!.GetAttribute("value").ShouldBe("Head of Security");
        emptyNamePage.QuerySelector("#Details_ShowInDirectory")!.HasAttribute("checked").ShouldBeFalse();
        unknownCountry.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknownCountryPage.QuerySelector("[data-testid=country-error]")!.TextContent.ShouldBe("Choose a country from the list.");
        unknownCountryPage.QuerySelector("#Details_Organisation")!.GetAttribute("value").ShouldBe("Conti SpA");
        unknownSectorPage.QuerySelector("[data-testid=sector-error]")!.TextContent.ShouldBe("Choose a sector from the list.");
        var stored = await StoredUserAsync(portal, id);
        (stored.JobTitle, stored.HiddenFromDirectory).ShouldBe(("CISO", false));
    }

    [Theory]
    [InlineData("Eve\u202Egnp.exe")]
    [InlineData("Eve\u0007 Bell")]
    [InlineData("Eve\u2066Isolate")]
    public async Task PostDetails_NameWithControlOrDirectionCharacter_RefusedKeepingWhatWasTyped(string name)
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Eve Ekman", "SE", "transport");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var response = await client.SubmitFormAsync("/profile", Details(name, "Deputy CISO", "Ekman AB", "SE", "transport", show: true), "[data-testid=details-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=full-name-error]")!.TextContent.ShouldBe("Full name contains characters that cannot be used (control, invisible or broken characters). Please retype it.");
        page.QuerySelector("#Details_JobTitle")!.GetAttribute("value").ShouldBe("Deputy CISO");
        page.QuerySelector("#Details_Organisation")!.GetAttribute("value").ShouldBe("Ekman AB");
        var stored = await StoredUserAsync(portal, id);
        (stored.FullName, stored.JobTitle).ShouldBe(("Eve Ekman", "CISO"));
    }

    [Fact]
    public async Task PostDetails_TooLongOrganisation_RefusedWithMessage()
    {
        // Arrange
        var (_, email) = await AddMemberAsync(portal.Factory, "Dara Doyle", "IE", "food");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var response = await client.SubmitFormAsync("/profile", Details("Dara Doyle", "CISO", new string('o', 201), "IE", "food", show: true), "[data-testid=details-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Details.Organisation']")!.TextContent.ShouldBe("The organisation may have at most 200 characters.");
    }

    [Fact]
    public async Task PostDetails_HideFromDirectory_MemberDisappearsFromTheDirectoryAndReturnsWhenShown()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Ebba Ek", "SE", "space");
        using var client = await SignedInAsync(portal, email);
        using var reader = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var before = await DirectoryNamesAsync(reader, "/members?sector=space");

        // Act
        using var hide = await client.SubmitFormAsync("/profile", Details("Ebba Ek", "CISO", "Ebba Ek Oy", "SE", "space", show: false), "[data-testid=details-form]");
        var whileHidden = await DirectoryNamesAsync(reader, "/members?sector=space");
        var profile = await client.GetDocumentAsync("/profile");
        using var show = await client.SubmitFormAsync("/profile", Details("Ebba Ek", "CISO", "Ebba Ek Oy", "SE", "space", show: true), "[data-testid=details-form]");
        var afterShown = await DirectoryNamesAsync(reader, "/members?sector=space");

        // Assert
        before.ShouldContain("Ebba Ek");
        whileHidden.ShouldNotContain("Ebba Ek");
        whileHidden.ShouldContain("Anna Lindqvist");
        profile.QuerySelector("[data-testid=directory-status]")!.TextContent.ShouldBe("Hidden from the member directory");
        afterShown.ShouldContain("Ebba Ek");
        (await AuditActionsAsync(portal, id)).Count(a => a == ProfileEditor.UpdateAction).ShouldBe(2);
    }

    [Fact]
    public async Task Directory_DemoMemberHiddenFromTheDirectory_IsNotListed()
    {
        // Arrange
        using var reader = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var names = await DirectoryNamesAsync(reader, "/members?country=CH");

        // Assert
        names.ShouldBeEmpty();
    }

    [Fact]
    public async Task PostAnnouncements_OffThenOn_SetsAndClearsTheOptOutAndShowsIt()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Fenna Fokker", "NL", "energy");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var off = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=announcements-form]");
        var afterOff = await client.GetDocumentAsync("/profile");
        var storedOff = await StoredUserAsync(portal, id);
        using var on = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=announcements-form]");
        var afterOn = await client.GetDocumentAsync("/profile");

        // Assert
        off.Headers.Location!.OriginalString.ShouldBe("/profile#webinars");
        storedOff.WebinarAnnouncementsOptOutAt.ShouldNotBeNull();
        afterOff.QuerySelector("[data-testid=announcements-status]")!.TextContent.ShouldStartWith("You do not receive webinar announcements");
        (await StoredUserAsync(portal, id)).WebinarAnnouncementsOptOutAt.ShouldBeNull();
        afterOn.QuerySelector("[data-testid=announcements-status]")!.TextContent.ShouldStartWith("You receive an email when a new peer webinar is announced");
    }

    [Fact]
    public async Task PostTimeZone_StillSavesAlongsideTheDetailsForm()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Gil Gomes", "PT", "health");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var response = await client.SubmitFormValuesAsync("/profile", [KeyValuePair.Create("Input.TimeZoneId", "Atlantic/Azores")], "[data-testid=time-zone-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredUserAsync(portal, id)).TimeZoneId.ShouldBe("Atlantic/Azores");
    }

    private static Dictionary<string, string> Details(string name, string jobTitle, string organisation, string country, string sector, bool show) => new()
    {
        ["Details.FullName"] = name,
        ["Details.JobTitle"] = jobTitle,
        ["Details.Organisation"] = organisation,
        ["Details.CountryCode"] = country,
        ["Details.SectorCode"] = sector,
        ["Details.ShowInDirectory"] = show ? "true" : "false",
    };

    private static async Task<List<string>> DirectoryNamesAsync(HttpClient client, string url) =>
        [.. (await client.GetDocumentAsync(url)).QuerySelectorAll("[data-testid=directory] [data-testid=name]").Select(c => c.TextContent)];
}
