using CecPortal.Web.Data;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Who may read which channel, decided in SQL by <see cref="ChannelAccess"/>: the community and open channels for
/// everyone, sector and country channels from the profile as it is now, working groups for their members only, nothing
/// for a suspended member. Also the start-up step that makes the channels.
/// </summary>
public sealed class ChannelAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Startup_ChannelsForCommunitySectorsAndEligibleCountries_ExistOnceEach()
    {
        // Arrange
        var eligible = await portal.WithDbAsync(db => db.Countries.CountAsync(c => c.IsEligible));
        var sectors = await portal.WithDbAsync(db => db.Sectors.CountAsync());

        // Act: the step already ran at start-up; run it twice more, as further starts would.
        await portal.WithServiceAsync<IEnumerable<IDatabaseStartupStep>>(async steps => await steps.OfType<SharingChannelsOnStartup>().Single().RunAsync(CancellationToken.None));
        await portal.WithServiceAsync<IEnumerable<IDatabaseStartupStep>>(async steps => await steps.OfType<SharingChannelsOnStartup>().Single().RunAsync(CancellationToken.None));
        var channels = await portal.WithDbAsync(db => db.Channels.AsNoTracking().ToListAsync());

        // Assert
        channels.Count(c => c.Kind == ChannelKind.Community).ShouldBe(1);
        channels.Count(c => c.Kind == ChannelKind.Sector).ShouldBe(sectors);
        channels.Count(c => c.Kind == ChannelKind.Country).ShouldBe(eligible);
        channels.ShouldContain(c => c.Slug == "sector-energy" && c.SectorCode == "energy" && c.DefaultTlp == TlpLabel.Amber);
        channels.ShouldContain(c => c.Slug == "country-fr" && c.CountryCode == "FR");
        channels.ShouldNotContain(c => c.Kind == ChannelKind.Country && c.CountryCode == "US");
    }

    [Fact]
    public async Task ReadableBy_Member_ReadsCommunityOwnSectorAndCountryOnly()
    {
        // Arrange
        var member = await portal.MemberAsync("ca.reader@member.eu", country: "DE", sector: "health");

        // Act
        var slugs = await portal.ReadableProfileSlugsAsync(member);

        // Assert
        slugs.ShouldBe(["community", "country-de", "sector-health"]);
    }

    [Fact]
    public async Task ReadableBy_ProfileChangesSectorAndCountry_MovesAtOnce()
    {
        // Arrange
        var member = await portal.MemberAsync("ca.mover@member.eu", country: "DE", sector: "health");

        // Act
        await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == member);
            user.ChangeProfile(user.Details with { CountryCode = "IT", SectorCode = "banking" });
            return await db.SaveChangesAsync();
        });
        var slugs = await portal.ReadableProfileSlugsAsync(member);

        // Assert
        slugs.ShouldBe(["community", "country-it", "sector-banking"]);
    }

    [Fact]
    public async Task ReadableBy_WorkingGroup_OnlyItsMembers()
    {
        // Arrange
        var inside = await portal.MemberAsync("ca.inside@member.eu");
        var outside = await portal.MemberAsync("ca.outside@member.eu");
        await portal.GroupAsync("ca-wg", ChannelKind.WorkingGroup, TlpLabel.Red, inside);

        // Act
        var insideSlugs = await portal.ReadableSlugsAsync(inside);
        var outsideSlugs = await portal.ReadableSlugsAsync(outside);

        // Assert
        insideSlugs.ShouldContain("ca-wg");
        outsideSlugs.ShouldNotContain("ca-wg");
    }

    [Fact]
    public async Task ReadableBy_OpenChannel_EveryMemberBeforeJoining()
    {
        // Arrange
        var member = await portal.MemberAsync("ca.open@member.eu");
        await portal.GroupAsync("ca-open", ChannelKind.Open, TlpLabel.Green);

        // Act
        var slugs = await portal.ReadableSlugsAsync(member);

        // Assert
        slugs.ShouldContain("ca-open");
    }

    [Fact]
    public async Task ReadableBy_SuspendedMember_ReadsNothing()
    {
        // Arrange
        var member = await portal.MemberAsync("ca.suspended@member.eu");
        await portal.GroupAsync("ca-wg-suspended", ChannelKind.WorkingGroup, TlpLabel.Amber, member);
        await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == member);
            user.Suspend("Test.", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        // Act
        var slugs = await portal.ReadableSlugsAsync(member);

        // Assert
        slugs.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadableBy_StaffWithoutMembership_DoesNotReadWorkingGroups()
    {
        // Arrange
        var admin = await portal.UserIdAsync(CecPortal.Testing.PortalFactory.AdminEmail);
        await portal.GroupAsync("ca-wg-staff", ChannelKind.WorkingGroup, TlpLabel.Amber);

        // Act
        var slugs = await portal.ReadableSlugsAsync(admin);

        // Assert
        slugs.ShouldNotContain("ca-wg-staff");
        slugs.ShouldContain("community");
    }

    [Fact]
    public async Task ReadersOf_SectorChannel_AreTheSectorsActiveMembers()
    {
        // Arrange
        var inSector = await portal.MemberAsync("ca.water1@member.eu", sector: "waste-water");
        var suspended = await portal.MemberAsync("ca.water2@member.eu", sector: "waste-water");
        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == suspended)).Suspend("Test.", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var channel = await portal.ChannelAsync("sector-waste-water");

        // Act
        IReadOnlyList<string> readers = [];
        await portal.WithServiceAsync<ChannelAccess>(async access => readers = await access.ReadersOf(channel.Id).Select(u => u.Id).ToListAsync());

        // Assert
        readers.ShouldBe([inSector]);
    }
}
