using System.Text.RegularExpressions;
using CecPortal.IntegrationTests.Sharing;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Home;

/// <summary>"/" for each kind of visitor, on a portal with no demo content: what is shown, and what is left out.</summary>
public sealed class HomePageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Anonymous_KeepsThePublicPage()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        var home = await client.GetDocumentAsync("/");

        // Assert
        home.Title.ShouldBe("Welcome · CEC Portal");
        home.QuerySelector("h1")!.TextContent.ShouldBe("The CISOs European Community");
        home.QuerySelector("a[href='/apply']").ShouldNotBeNull();
        home.QuerySelector("[data-testid=welcome-back]").ShouldBeNull();
        home.QuerySelectorAll("main section[data-testid]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_MemberWithNothingWaiting_ShowsTodayWithEveryEmptyBlockLeftOut()
    {
        // Arrange
        var email = await NewMemberAsync("quiet");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var home = await client.GetDocumentAsync("/");

        // Assert
        home.Title.ShouldBe("Today · CEC Portal");
        home.QuerySelector("h1")!.TextContent.ShouldBe("Today");
        home.QuerySelector("[data-testid=welcome-back]").ShouldNotBeNull();
        home.QuerySelectorAll("main section").ShouldBeEmpty();
        home.QuerySelector("main")!.TextContent.ShouldNotContain("nothing", Case.Insensitive);
    }

    [Fact]
    public async Task Get_LapsedMember_SeesOnlyTheConfirmationAndTheWelcomeText()
    {
        // Arrange
        var email = await NewMemberAsync("lapsed");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AttestationDueAt, DateTimeOffset.UtcNow.AddDays(-60))
            .SetProperty(u => u.AttestationRequestedAt, DateTimeOffset.UtcNow.AddDays(-60))
            .SetProperty(u => u.AttestationRemindedAt, DateTimeOffset.UtcNow.AddDays(-30))
            .SetProperty(u => u.LapsedAt, DateTimeOffset.UtcNow.AddDays(-1)), Token));
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var home = await client.GetDocumentAsync("/");

        // Assert
        home.QuerySelector("[data-testid=attestation-banner]").ShouldNotBeNull();
        home.QuerySelector("[data-testid=welcome-back]")!.TextContent.ShouldContain("Confirm your membership");
        home.QuerySelectorAll("main section[data-testid]").ShouldBeEmpty();
        home.QuerySelector("h1")!.TextContent.ShouldNotBe("Today");
    }

    [Fact]
    public async Task Get_MemberWhoseAddressBounces_SeesTheNoticeOnceInTheAccountBlockAndInTheLayoutElsewhere()
    {
        // Arrange
        var email = await NewMemberAsync("bounced");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.UndeliverableSince, new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero))
            .SetProperty(u => u.UndeliverableReason, "550 5.1.1 no such user"), Token));
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var home = await client.GetDocumentAsync("/");
        var profile = await client.GetDocumentAsync("/profile");

        // Assert
        home.QuerySelectorAll("[data-testid=address-banner]").Length.ShouldBe(1);
        var block = home.QuerySelector("[data-testid=today-account]")!;
        block.QuerySelector("[data-testid=address-banner]")!.TextContent.ShouldContain(email);
        block.TextContent.ShouldContain("30 November 2026");
        profile.QuerySelector("[data-testid=address-banner]")!.TextContent.ShouldContain(email);
    }

    [Fact]
    public async Task Get_Editor_SeesTomorrowsBriefingStateAndTheDraftCount()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var home = await client.GetDocumentAsync("/");

        // Assert
        var block = home.QuerySelector("[data-testid=today-editorial]")!;
        block.QuerySelector("[data-testid=today-editorial-tomorrow]")!.TextContent.ShouldContain("not started yet");
        block.QuerySelector("[data-testid=today-editorial-drafts]")!.TextContent.ShouldBe("0");
        block.QuerySelector("a[href='/admin/briefings']").ShouldNotBeNull();
        home.QuerySelector("[data-testid=today-vetting]").ShouldBeNull();
    }

    [Fact]
    public async Task Get_MemberWithUnreadAcrossChannels_CountsTheChannelsThatAskForAttentionAndNamesEachTopicsChannel()
    {
        // Arrange: a reader and an author in Malta and waste water (no other test here reads those channels); the
        // reader mutes their sector's channel and has joined one of two open channels.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var reader = await portal.MemberAsync($"today.reader.{tag}@members.example", country: "MT", sector: "waste-water");
        var author = await portal.MemberAsync($"today.author.{tag}@members.example", country: "MT", sector: "waste-water");
        var country = await portal.ChannelAsync("country-mt");
        var sector = await portal.ChannelAsync("sector-waste-water");
        var joined = await portal.GroupAsync($"today-joined-{tag}", ChannelKind.Open, TlpLabel.Green, reader, author);
        var notJoined = await portal.GroupAsync($"today-open-{tag}", ChannelKind.Open, TlpLabel.Green, author);
        await portal.WithServiceAsync<ChannelMembership>(m => m.ChangeSettingsAsync(reader, sector.Id, muted: true, NotifyLevel.All, urgentAlertsByEmail: true, Token));
        var inCountry = await portal.StartTopicAsync(author, country.Id, "Country topic", "One.");
        await portal.ReplyAsync(author, inCountry.TopicId, "Two.");
        await portal.StartTopicAsync(author, sector.Id, "Muted topic", $"@**{SharingArrange.NameOf($"today.reader.{tag}@members.example")}** look.");
        await portal.StartTopicAsync(author, notJoined, "Not joined", "Elsewhere.");
        await portal.StartTopicAsync(author, joined, "Joined topic", "Three.");
        using var client = await portal.SignedInClientAsync($"today.reader.{tag}@members.example");

        // Act
        var home = await client.GetDocumentAsync("/");

        // Assert: the muted channel and the open channel not joined ask for nothing, but a mention counts wherever the
        // reader may read; the newest topic comes first, each with its own channel's name.
        var block = home.QuerySelector("[data-testid=today-sharing]").ShouldNotBeNull();
        block.QuerySelector("[data-testid=today-unread]")!.TextContent.ShouldBe("3 unread messages in 2 topics");
        block.QuerySelector("[data-testid=today-mentions]")!.TextContent.ShouldContain("1 unread mention of you");
        block.QuerySelectorAll("[data-testid=today-topic]").Select(t => Regex.Replace(t.TextContent.Trim(), @"\s+", " ")).ShouldBe(
        [
            $"Joined topic in Group today-joined-{tag} · 1 new",
            $"Country topic in {country.Name} · 2 new",
        ]);
    }

    private async Task<string> NewMemberAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@members.example";
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, $"{char.ToUpperInvariant(name[0])}{name[1..]} Member", Roles.Member)
        {
            CountryCode = "FR",
            SectorCode = "energy",
            Password = PortalFactory.DemoPassword,
        });
        return email;
    }
}
