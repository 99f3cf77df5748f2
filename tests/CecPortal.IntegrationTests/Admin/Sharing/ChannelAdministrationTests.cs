using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Sharing;

/// <summary>/admin/sharing: Moderators and Admins create, edit, archive channels and manage working groups; every change is audited by id.</summary>
public sealed class ChannelAdministrationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostNew_OpenChannelAsModerator_CreatesListsAndAuditsIt()
    {
        // Arrange
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var response = await moderator.SubmitFormAsync("/admin/sharing/new", new Dictionary<string, string>
        {
            ["Kind"] = nameof(ChannelKind.Open),
            ["Name"] = "Cloud security",
            ["Slug"] = "cloud-security",
            ["Description"] = "Misconfigurations, tenant isolation, provider advisories.",
            ["DefaultTlp"] = nameof(TlpLabel.Green),
        });
        var channel = await portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Slug == "cloud-security", Token));
        var list = await moderator.GetDocumentAsync("/admin/sharing");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/sharing/{channel.Id}");
        (channel.Kind, channel.Name, channel.Description, channel.DefaultTlp).ShouldBe((ChannelKind.Open, "Cloud security", "Misconfigurations, tenant isolation, provider advisories.", TlpLabel.Green));
        channel.CreatedById.ShouldBe(await portal.UserIdAsync(PortalFactory.ModeratorEmail));
        var row = list.QuerySelector("tr[data-slug=cloud-security]").ShouldNotBeNull();
        row.QuerySelector("[data-testid=kind]")!.TextContent.ShouldBe("Open");
        row.QuerySelector("[data-testid=members]")!.TextContent.ShouldBe("0");
        row.QuerySelector("[data-testid=tlp]")!.TextContent.ShouldBe("TLP:GREEN");
        row.QuerySelector("[data-testid=status]")!.TextContent.ShouldBe("Active");
        var audit = (await AuditAsync(channel.Id)).ShouldHaveSingleItem();
        (audit.Action, audit.ActorName, audit.Note).ShouldBe((ChannelAdministration.CreateAction, PortalFactory.ModeratorEmail, "Open, TLP:GREEN"));
    }

    [Fact]
    public async Task PostNew_RedForAnOpenChannel_ReshowsTheFormWithTheMessageAndEverythingTyped()
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync("/admin/sharing/new", new Dictionary<string, string>
        {
            ["Kind"] = nameof(ChannelKind.Open),
            ["Name"] = "Red team notes",
            ["Slug"] = "red-team-notes",
            ["Description"] = "Findings from exercises.",
            ["DefaultTlp"] = nameof(TlpLabel.Red),
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=tlp-error]")!.TextContent.ShouldContain("TLP:RED is only for working groups");
        Value(page, "Name").ShouldBe("Red team notes");
        Value(page, "Slug").ShouldBe("red-team-notes");
        page.QuerySelector("textarea[name=Description]")!.TextContent.ShouldBe("Findings from exercises.");
        ((IHtmlInputElement)page.QuerySelector("#kind-open")!).IsChecked.ShouldBeTrue();
        ((IHtmlSelectElement)page.QuerySelector("select[name=DefaultTlp]")!).Value.ShouldBe(nameof(TlpLabel.Red));
        (await portal.WithDbAsync(db => db.Channels.AnyAsync(c => c.Slug == "red-team-notes", Token))).ShouldBeFalse();
        (await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == ChannelAdministration.CreateAction && e.Note!.Contains("Red"), Token))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Incident desk", "Incident Desk!", "Slug", "lowercase letters a-z")]
    [InlineData("", "empty-name", "Name", "Give the channel a name.")]
    [InlineData("Taken address", "taken-address", "Slug", "Another channel already has this address")]
    public async Task PostNew_BadInput_ReshowsTheFormWithTheMessageUnderItsField(string name, string slug, string field, string message)
    {
        // Arrange
        if (!await portal.WithDbAsync(db => db.Channels.AnyAsync(c => c.Slug == "taken-address", Token)))
        {
            await CreateGroupAsync("taken-address", TlpLabel.Amber);
        }

        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var before = await portal.WithDbAsync(db => db.Channels.CountAsync(Token));

        // Act
        using var response = await admin.SubmitFormAsync("/admin/sharing/new", new Dictionary<string, string>
        {
            ["Kind"] = nameof(ChannelKind.WorkingGroup),
            ["Name"] = name,
            ["Slug"] = slug,
            ["Description"] = "Kept as typed.",
            ["DefaultTlp"] = nameof(TlpLabel.Red),
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector($"[data-valmsg-for={field}]")!.TextContent.ShouldContain(message);
        Value(page, "Slug").ShouldBe(slug);
        page.QuerySelector("textarea[name=Description]")!.TextContent.ShouldBe("Kept as typed.");
        (await portal.WithDbAsync(db => db.Channels.CountAsync(Token))).ShouldBe(before);
    }

    [Fact]
    public async Task PostNew_WorkingGroupWithRed_CreatesItAndOpensItsMembers()
    {
        // Arrange
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var response = await moderator.SubmitFormAsync("/admin/sharing/new", new Dictionary<string, string>
        {
            ["Kind"] = nameof(ChannelKind.WorkingGroup),
            ["Name"] = "Energy grid incidents",
            ["Slug"] = "energy-grid-incidents",
            ["DefaultTlp"] = nameof(TlpLabel.Red),
        });
        var channel = await portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Slug == "energy-grid-incidents", Token));

        // Assert
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/sharing/{channel.Id}/members");
        (channel.Kind, channel.DefaultTlp).ShouldBe((ChannelKind.WorkingGroup, TlpLabel.Red));
    }

    [Fact]
    public async Task PostEdit_SectorChannel_ChangesDescriptionAndLabelButNotTheName()
    {
        // Arrange
        var sector = await ProfileChannelAsync("energy");
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);
        var form = await moderator.GetDocumentAsync($"/admin/sharing/{sector.Id}");

        // Act: a hand-made post also tries to rename the channel.
        using var renamed = await moderator.SubmitFormAsync($"/admin/sharing/{sector.Id}", new Dictionary<string, string>
        {
            ["Name"] = "Power people",
            ["Description"] = "Grid operators and utilities.",
            ["DefaultTlp"] = nameof(TlpLabel.AmberStrict),
        });
        using var saved = await moderator.SubmitFormAsync($"/admin/sharing/{sector.Id}", new Dictionary<string, string>
        {
            ["Description"] = "Grid operators and utilities.",
            ["DefaultTlp"] = nameof(TlpLabel.AmberStrict),
        });
        var stored = await portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == sector.Id, Token));

        // Assert
        form.QuerySelector("input#Name")!.HasAttribute("disabled").ShouldBeTrue();
        form.QuerySelector("select[name=DefaultTlp] option[value=Red]").ShouldBeNull("RED is not offered outside working groups");
        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the disabled name is not taken from the post");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (stored.Name, stored.Description, stored.DefaultTlp).ShouldBe((sector.Name, "Grid operators and utilities.", TlpLabel.AmberStrict));
        var audit = (await AuditAsync(sector.Id)).ShouldHaveSingleItem();
        audit.Action.ShouldBe(ChannelAdministration.EditAction);
        audit.Note.ShouldBe("Changed: DefaultTlp, Description; TLP:AMBER+STRICT");
    }

    [Fact]
    public async Task PostEdit_RedForASectorChannel_ReshowsWithTheMessageAndNothingLost()
    {
        // Arrange
        var sector = await ProfileChannelAsync("banking");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/sharing/{sector.Id}", new Dictionary<string, string>
        {
            ["Description"] = "Banks and payment institutions.",
            ["DefaultTlp"] = nameof(TlpLabel.Red),
        });
        var page = await response.ReadDocumentAsync();
        var stored = await portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == sector.Id, Token));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=tlp-error]")!.TextContent.ShouldContain("TLP:RED is only for working groups");
        page.QuerySelector("textarea[name=Description]")!.TextContent.ShouldBe("Banks and payment institutions.");
        ((IHtmlSelectElement)page.QuerySelector("select[name=DefaultTlp]")!).Value.ShouldBe(nameof(TlpLabel.Red));
        (stored.Description, stored.DefaultTlp).ShouldBe((sector.Description, TlpLabel.Amber));
        (await AuditAsync(sector.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PostEdit_AfterAColleagueSaved_IsRefusedWithTheTypedTextKept()
    {
        // Arrange: the form is loaded, then a colleague saves the channel.
        var id = await CreateGroupAsync("concurrent-edits", TlpLabel.Amber);
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);
        var form = await moderator.GetDocumentAsync($"/admin/sharing/{id}");
        var token = form.QuerySelector("form[data-testid=channel-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var staleVersion = Value(form, "Version");
        await WithAdministrationAsync((a, actor) =>
            a.EditAsync(id, uint.Parse(staleVersion, System.Globalization.CultureInfo.InvariantCulture), "Colleague's name", "Colleague's description", TlpLabel.Amber, actor, Token));

        // Act
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = staleVersion,
            ["Name"] = "My name",
            ["Description"] = "My description",
            ["DefaultTlp"] = nameof(TlpLabel.AmberStrict),
        });
        using var response = await moderator.PostAsync(new Uri($"/admin/sharing/{id}", UriKind.Relative), content, Token);
        var page = await response.ReadDocumentAsync();
        var stored = await portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == id, Token));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Someone else changed this channel meanwhile");
        Value(page, "Name").ShouldBe("My name");
        page.QuerySelector("textarea[name=Description]")!.TextContent.ShouldBe("My description");
        (stored.Name, stored.Description, stored.DefaultTlp).ShouldBe(("Colleague's name", "Colleague's description", TlpLabel.Amber));
    }

    [Fact]
    public async Task PostArchiveThenRestore_ArchivesAndRestoresTheChannelAndAuditsBoth()
    {
        // Arrange
        var id = await CreateGroupAsync("to-archive", TlpLabel.Amber);
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var archive = await moderator.SubmitFormAsync($"/admin/sharing/{id}", new Dictionary<string, string>(), "form[data-testid=archive-form]");
        var archived = await portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == id, Token));
        var page = await moderator.GetDocumentAsync($"/admin/sharing/{id}");
        using var restore = await moderator.SubmitFormAsync($"/admin/sharing/{id}", new Dictionary<string, string>(), "form[data-testid=archive-form]");
        var restored = await portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == id, Token));

        // Assert
        archive.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        archived.ArchivedAt.ShouldNotBeNull();
        page.QuerySelector("[data-testid=channel-status]")!.TextContent.ShouldBe("Archived");
        restore.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        restored.ArchivedAt.ShouldBeNull();
        (await AuditAsync(id)).Select(e => e.Action).ShouldBe([ChannelAdministration.CreateAction, ChannelAdministration.ArchiveAction, ChannelAdministration.RestoreAction]);
    }

    [Fact]
    public async Task WorkingGroupMembers_SearchAddPromoteDemoteRemove_ChangesMembershipAndAuditsEachStepById()
    {
        // Arrange
        var id = await CreateGroupAsync("payments-fraud", TlpLabel.AmberStrict);
        var rossiId = await portal.UserIdAsync("l.rossi@demo.cec.example");
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);
        var url = $"/admin/sharing/{id}/members";

        // Act
        var search = await moderator.GetDocumentAsync(url + "?q=rossi");
        using var add = await moderator.SubmitFormAsync(url + "?q=rossi", new Dictionary<string, string>(), $"li[data-user='{rossiId}'] form[data-testid=add-form]");
        var afterAdd = await RoleAsync(id, rossiId);
        using var promote = await moderator.SubmitFormAsync(url, new Dictionary<string, string>(), $"tr[data-user='{rossiId}'] form[data-testid=moderator-form]");
        var afterPromote = await RoleAsync(id, rossiId);
        var listed = await moderator.GetDocumentAsync(url);
        using var demote = await moderator.SubmitFormAsync(url, new Dictionary<string, string>(), $"tr[data-user='{rossiId}'] form[data-testid=moderator-form]");
        var afterDemote = await RoleAsync(id, rossiId);
        using var remove = await moderator.SubmitFormAsync(url, new Dictionary<string, string>(), $"tr[data-user='{rossiId}'] form[data-testid=remove-form]");
        var afterRemove = await RoleAsync(id, rossiId);

        // Assert
        search.QuerySelector($"li[data-user='{rossiId}']")!.TextContent.ShouldContain("l.rossi@demo.cec.example", customMessage: "staff see email addresses");
        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        add.Headers.Location!.OriginalString.ShouldBe(url + "?q=rossi");
        afterAdd.ShouldBe(SubscriptionRole.Member);
        promote.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterPromote.ShouldBe(SubscriptionRole.GroupModerator);
        listed.QuerySelector($"tr[data-user='{rossiId}'] [data-testid=role]")!.TextContent.ShouldBe("Group moderator");
        afterDemote.ShouldBe(SubscriptionRole.Member);
        remove.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterRemove.ShouldBeNull();
        var audit = (await AuditAsync(id)).Skip(1).ToList();
        audit.Select(e => e.Action).ShouldBe([
            ChannelAdministration.AddMemberAction,
            ChannelAdministration.GrantGroupModeratorAction,
            ChannelAdministration.RevokeGroupModeratorAction,
            ChannelAdministration.RemoveMemberAction,
        ]);
        audit.ShouldAllBe(e => e.Note == $"user:{rossiId}" && e.ActorName == PortalFactory.ModeratorEmail);
    }

    [Fact]
    public async Task WorkingGroupMembers_AddingSomeoneAlreadyIn_ShowsTheMessageAndAddsNothing()
    {
        // Arrange
        var id = await CreateGroupAsync("already-in", TlpLabel.Amber);
        var rossiId = await portal.UserIdAsync("l.rossi@demo.cec.example");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var url = $"/admin/sharing/{id}/members";
        var stale = await admin.GetDocumentAsync(url + "?q=rossi");
        var token = stale.QuerySelector("form[data-testid=add-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await portal.WithDbAsync(async db =>
        {
            db.ChannelSubscriptions.Add(ChannelSubscription.Add(id, rossiId, SubscriptionRole.Member, new Actor(rossiId, "l.rossi@demo.cec.example"), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync(Token);
        });

        // Act
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["userId"] = rossiId });
        using var response = await admin.PostAsync(new Uri(url + "?handler=Add", UriKind.Relative), content, Token);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("Lucia Rossi is already in this working group.");
        (await portal.WithDbAsync(db => db.ChannelSubscriptions.CountAsync(s => s.ChannelId == id, Token))).ShouldBe(1);
    }

    [Fact]
    public async Task Members_ForAnOpenChannelOrAnUnknownId_Returns404()
    {
        // Arrange
        var open = await WithAdministrationAsync(async (a, actor) => await a.CreateAsync(ChannelKind.Open, "not-a-group", "Not a group", null, TlpLabel.Amber, actor, Token));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var openChannel = await admin.GetAsync(new Uri($"/admin/sharing/{open}/members", UriKind.Relative), Token);
        using var unknown = await admin.GetAsync(new Uri($"/admin/sharing/{Guid.NewGuid()}/members", UriKind.Relative), Token);
        using var unknownChannel = await admin.GetAsync(new Uri($"/admin/sharing/{Guid.NewGuid()}", UriKind.Relative), Token);

        // Assert
        openChannel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownChannel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    [InlineData(PortalFactory.MemberEmail)]
    public async Task Post_AsStaffWithoutModerationOrAMember_IsForbiddenAndChangesNothing(string email)
    {
        // Arrange
        var id = await CreateGroupAsync("forbidden-" + email.Split('@')[0].Replace('.', '-'), TlpLabel.Amber);
        var rossiId = await portal.UserIdAsync("l.rossi@demo.cec.example");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var add = await client.PostAsync($"/admin/sharing/{id}/members?handler=Add", new Dictionary<string, string> { ["userId"] = rossiId });
        using var archive = await client.PostAsync($"/admin/sharing/{id}?handler=Archive", new Dictionary<string, string>());

        // Assert
        add.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        archive.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.ChannelSubscriptions.AnyAsync(s => s.ChannelId == id, Token))).ShouldBeFalse();
        (await portal.WithDbAsync(db => db.Channels.AnyAsync(c => c.Id == id && c.ArchivedAt != null, Token))).ShouldBeFalse();
    }

    private static string Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"input[name={name}]")?.GetAttribute("value") ?? throw new InvalidOperationException($"No input {name}.");

    private Task<Guid> CreateGroupAsync(string slug, TlpLabel tlp) =>
        WithAdministrationAsync((a, actor) => a.CreateAsync(ChannelKind.WorkingGroup, slug, "Group " + slug, "A test group.", tlp, actor, Token));

    /// <summary>Runs <paramref name="action"/> with the feature class as the demo Admin, in a scope of its own, as a request would.</summary>
    private async Task<T> WithAdministrationAsync<T>(Func<ChannelAdministration, Actor, Task<T>> action)
    {
        var actor = new Actor(await portal.UserIdAsync(PortalFactory.AdminEmail), PortalFactory.AdminEmail);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ChannelAdministration>(), actor);
    }

    /// <summary>The sector's channel, as the start-up step made it.</summary>
    private Task<Channel> ProfileChannelAsync(string sectorCode) => portal.WithDbAsync(db =>
        db.Channels.AsNoTracking().SingleAsync(c => c.Kind == ChannelKind.Sector && c.SectorCode == sectorCode, Token));

    private Task<SubscriptionRole?> RoleAsync(Guid channelId, string userId) => portal.WithDbAsync(db =>
        db.ChannelSubscriptions.Where(s => s.ChannelId == channelId && s.UserId == userId).Select(s => (SubscriptionRole?)s.Role).SingleOrDefaultAsync(Token));

    private Task<List<Web.Infrastructure.Audit.AuditEntry>> AuditAsync(Guid channelId) => portal.WithDbAsync(db =>
        db.AuditEntries.AsNoTracking().Where(e => e.Subject == ChannelAdministration.Subject(channelId)).OrderBy(e => e.Id).ToListAsync(Token));
}
