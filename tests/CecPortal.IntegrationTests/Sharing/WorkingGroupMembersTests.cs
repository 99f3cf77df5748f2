using System.Net;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// /sharing/members/{slug}: a working group's own moderators manage its members; a plain member, a non-member and the
/// moderator of another group get 404, as for a group that does not exist.
/// </summary>
public sealed class WorkingGroupMembersTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string GroupModerator = "p.garcia@demo.cec.example";
    private const string PlainMember = "j.schneider@demo.cec.example";
    private const string Candidate = "l.rossi@demo.cec.example";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GroupModerator_AddsPromotesDemotesAndRemovesAMember_AuditedUnderTheirName()
    {
        // Arrange
        var (id, slug) = await GroupAsync("gm-manages");
        var candidateId = await portal.UserIdAsync(Candidate);
        using var client = await portal.SignedInClientAsync(GroupModerator);
        var url = $"/sharing/members/{slug}";

        // Act
        var search = await client.GetDocumentAsync(url + "?q=Lucia");
        using var add = await client.SubmitFormAsync(url + "?q=Lucia", new Dictionary<string, string>(), $"li[data-user='{candidateId}'] form[data-testid=add-form]");
        using var promote = await client.SubmitFormAsync(url, new Dictionary<string, string>(), $"tr[data-user='{candidateId}'] form[data-testid=moderator-form]");
        var promoted = await RoleAsync(id, candidateId);
        using var demote = await client.SubmitFormAsync(url, new Dictionary<string, string>(), $"tr[data-user='{candidateId}'] form[data-testid=moderator-form]");
        using var remove = await client.SubmitFormAsync(url, new Dictionary<string, string>(), $"tr[data-user='{candidateId}'] form[data-testid=remove-form]");

        // Assert
        var offered = search.QuerySelector($"li[data-user='{candidateId}']").ShouldNotBeNull();
        offered.TextContent.ShouldNotContain("@", customMessage: "a group moderator sees no email addresses");
        search.QuerySelector("[data-testid=group-members] th:nth-child(3)")!.TextContent.ShouldBe("Role");
        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        promote.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        promoted.ShouldBe(SubscriptionRole.GroupModerator);
        demote.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        remove.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RoleAsync(id, candidateId)).ShouldBeNull();
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == ChannelAdministration.Subject(id) && e.ActorName == GroupModerator).OrderBy(e => e.Id).ToListAsync(Token));
        audit.Select(e => e.Action).ShouldBe([
            ChannelAdministration.AddMemberAction,
            ChannelAdministration.GrantGroupModeratorAction,
            ChannelAdministration.RevokeGroupModeratorAction,
            ChannelAdministration.RemoveMemberAction,
        ]);
        audit.ShouldAllBe(e => e.Note == $"user:{candidateId}");
    }

    [Fact]
    public async Task PlainMemberNonMemberAndOtherGroupsModerator_Get404OnTheGroupsPageAndItsForms()
    {
        // Arrange
        var (id, slug) = await GroupAsync("gm-closed");
        var (_, otherSlug) = await GroupAsync("gm-other", moderator: "e.dejong@demo.cec.example");
        var candidateId = await portal.UserIdAsync(Candidate);
        var url = $"/sharing/members/{slug}";
        var responses = new List<(string Who, HttpStatusCode Get, HttpStatusCode Post)>();

        // Act
        foreach (var email in new[] { PlainMember, PortalFactory.MemberEmail, "e.dejong@demo.cec.example", PortalFactory.EditorEmail })
        {
            using var client = await portal.SignedInClientAsync(email);
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
            using var post = await client.PostAsync(url + "?handler=Add", new Dictionary<string, string> { ["userId"] = candidateId });
            responses.Add((email, get.StatusCode, post.StatusCode));
        }

        using var owner = await portal.SignedInClientAsync("e.dejong@demo.cec.example");
        using var own = await owner.GetAsync(new Uri($"/sharing/members/{otherSlug}", UriKind.Relative), Token);
        using var unknown = await owner.GetAsync(new Uri("/sharing/members/no-such-group", UriKind.Relative), Token);

        // Assert
        responses.ShouldAllBe(r => r.Get == HttpStatusCode.NotFound && r.Post == HttpStatusCode.NotFound);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RoleAsync(id, candidateId)).ShouldBeNull();
    }

    [Fact]
    public async Task StaffWithModeration_OpenTheMembersPageOfAnyGroup()
    {
        // Arrange
        var (_, slug) = await GroupAsync("gm-staff");
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var response = await moderator.GetAsync(new Uri($"/sharing/members/{slug}", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GroupModerator_OfAnArchivedGroup_Gets404WhileStaffStillManageIt()
    {
        // Arrange
        var (id, slug) = await GroupAsync("gm-archived");
        await portal.WithDbAsync(async db =>
        {
            (await db.Channels.SingleAsync(c => c.Id == id, Token)).Archive(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Token);
        });
        using var groupModerator = await portal.SignedInClientAsync(GroupModerator);
        using var staff = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var asGroupModerator = await groupModerator.GetAsync(new Uri($"/sharing/members/{slug}", UriKind.Relative), Token);
        var asStaff = await staff.GetDocumentAsync($"/admin/sharing/{id}/members");

        // Assert
        asGroupModerator.StatusCode.ShouldBe(HttpStatusCode.NotFound, "an archived group is read by no one, so no one manages it from the member side");
        asStaff.QuerySelector("[data-testid=group-archived]").ShouldNotBeNull();
    }

    [Fact]
    public async Task GroupModerator_RemovingThemselves_IsRefusedWithAMessage()
    {
        // Arrange
        var (id, slug) = await GroupAsync("gm-self");
        var selfId = await portal.UserIdAsync(GroupModerator);
        using var client = await portal.SignedInClientAsync(GroupModerator);
        var page = await client.GetDocumentAsync($"/sharing/members/{slug}");

        // Act: their own row offers no button, so the post is hand-made.
        using var response = await client.PostAsync($"/sharing/members/{slug}?handler=Remove", new Dictionary<string, string> { ["userId"] = selfId }, $"/sharing/members/{slug}");
        var refused = await response.ReadDocumentAsync();

        // Assert
        page.QuerySelector($"tr[data-user='{selfId}'] form").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("You cannot do this to yourself here");
        (await RoleAsync(id, selfId)).ShouldBe(SubscriptionRole.GroupModerator);
    }

    [Fact]
    public async Task Search_MemberHiddenFromTheDirectory_IsOfferedToStaffButNotToAGroupModerator()
    {
        // Arrange
        var (id, slug) = await GroupAsync("gm-hidden");
        var hiddenId = await portal.UserIdAsync("n.meier@demo.cec.example");
        using var groupModerator = await portal.SignedInClientAsync(GroupModerator);
        using var staff = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        var byName = await groupModerator.GetDocumentAsync($"/sharing/members/{slug}?q=Meier");
        var byEmail = await groupModerator.GetDocumentAsync($"/sharing/members/{slug}?q=n.meier@demo.cec.example");
        var asStaff = await staff.GetDocumentAsync($"/admin/sharing/{id}/members?q=Meier");

        // Assert
        byName.QuerySelector($"li[data-user='{hiddenId}']").ShouldBeNull();
        byEmail.QuerySelector($"li[data-user='{hiddenId}']").ShouldBeNull();
        asStaff.QuerySelector($"li[data-user='{hiddenId}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Search_ByExactEmail_FindsAListedMemberForAGroupModerator()
    {
        // Arrange
        var (_, slug) = await GroupAsync("gm-email");
        var candidateId = await portal.UserIdAsync(Candidate);
        using var client = await portal.SignedInClientAsync(GroupModerator);

        // Act
        var exact = await client.GetDocumentAsync($"/sharing/members/{slug}?q={Uri.EscapeDataString(Candidate)}");
        var partial = await client.GetDocumentAsync($"/sharing/members/{slug}?q=rossi@demo");

        // Assert
        exact.QuerySelector($"li[data-user='{candidateId}']").ShouldNotBeNull();
        partial.QuerySelector($"li[data-user='{candidateId}']").ShouldBeNull("part of an address finds no one: the directory shows no addresses");
    }

    /// <summary>A working group whose moderator is <paramref name="moderator"/> and which <see cref="PlainMember"/> is in.</summary>
    private async Task<(Guid Id, string Slug)> GroupAsync(string slug, string moderator = GroupModerator)
    {
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        var moderatorId = await portal.UserIdAsync(moderator);
        var memberId = await portal.UserIdAsync(PlainMember);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<ChannelAdministration>();
        var admin = new Actor(adminId, PortalFactory.AdminEmail);
        var id = await administration.CreateAsync(ChannelKind.WorkingGroup, slug, "Group " + slug, null, TlpLabel.AmberStrict, admin, Token);
        await administration.AddMemberAsync(id, moderatorId, admin, Token);
        await administration.ChangeGroupModeratorAsync(id, moderatorId, moderator: true, admin, Token);
        await administration.AddMemberAsync(id, memberId, admin, Token);
        return (id, slug);
    }

    private Task<SubscriptionRole?> RoleAsync(Guid channelId, string userId) => portal.WithDbAsync(db =>
        db.ChannelSubscriptions.Where(s => s.ChannelId == channelId && s.UserId == userId).Select(s => (SubscriptionRole?)s.Role).SingleOrDefaultAsync(Token));
}
