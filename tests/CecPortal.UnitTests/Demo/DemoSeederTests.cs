using CecPortal.Web.Data;
using CecPortal.Web.Features.Account;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Sharing;

namespace CecPortal.UnitTests.Demo;

public sealed class DemoSeederTests
{
    [Fact]
    public void Members_DemoData_CoverAtLeastTenDistinctCountries()
    {
        // Arrange
        var members = DemoSeeder.Members;

        // Act
        var countries = members.Select(m => m.CountryCode).Distinct(StringComparer.Ordinal).Count();

        // Assert
        countries.ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void Members_DemoData_CoverAtLeastEightDistinctSectors()
    {
        // Arrange
        var members = DemoSeeder.Members;

        // Act
        var sectors = members.Select(m => m.SectorCode).OfType<string>().Distinct(StringComparer.Ordinal).Count();

        // Assert
        sectors.ShouldBeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public void Members_DemoData_AllHaveMemberRoleAndASector()
    {
        // Arrange
        var members = DemoSeeder.Members;

        // Act
        var wrong = members.Where(m => m.Role != Roles.Member || string.IsNullOrWhiteSpace(m.SectorCode)).Select(m => m.Email).ToList();

        // Assert
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void MemberCountries_DemoData_AreTheCountryVettersSixteenCountries()
    {
        // Arrange
        string[] expected = ["FR", "DE", "IT", "ES", "NL", "BE", "AT", "PL", "SE", "FI", "IE", "PT", "CZ", "GR", "NO", "CH"];

        // Act
        var countries = DemoSeeder.MemberCountries;

        // Assert
        countries.ShouldBe(expected, ignoreOrder: true);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Vetter)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Policy)]
    public void Staff_EachStaffRole_HasAtLeastOneAccount(string role)
    {
        // Arrange
        var staff = DemoSeeder.Staff;

        // Act
        var accounts = staff.Count(s => s.Role == role);

        // Assert
        accounts.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Staff_DemoData_HoldOnlyStaffRoles()
    {
        // Arrange
        var staff = DemoSeeder.Staff;

        // Act
        var roles = staff.Select(s => s.Role).Distinct().ToList();

        // Assert
        roles.ShouldBeSubsetOf(Roles.Staff);
    }

    [Fact]
    public void StaffAndMembers_Emails_AreUniqueIgnoringCase()
    {
        // Arrange
        var emails = DemoSeeder.Staff.Concat(DemoSeeder.Members).Concat(SharingDemoData.Accounts).Select(a => a.Email).ToList();

        // Act
        var duplicates = emails.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        // Assert
        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void StaffAndMembers_Emails_AreAllInTheDemoDomain()
    {
        // Arrange
        var emails = DemoSeeder.Staff.Concat(DemoSeeder.Members).Concat(SharingDemoData.Accounts).Select(a => a.Email);

        // Act
        var outside = emails.Where(e => !e.EndsWith("@" + DemoSeeder.Domain, StringComparison.Ordinal)).ToList();

        // Assert
        outside.ShouldBeEmpty();
    }

    [Fact]
    public void StaffAndMembers_CountryCodes_FitTheTwoLetterColumn()
    {
        // Arrange
        var accounts = DemoSeeder.Staff.Concat(DemoSeeder.Members).Concat(SharingDemoData.Accounts);

        // Act
        var invalid = accounts.Where(a => a.CountryCode.Length != 2 || !a.CountryCode.All(char.IsAsciiLetterUpper)).Select(a => a.Email).ToList();

        // Assert
        invalid.ShouldBeEmpty();
    }

    [Fact]
    public void SharingAccounts_WithTheDemoMembers_GiveOneSectorEnoughPeopleForItsOwnSeenItTooCount()
    {
        // Arrange: a sector with fewer than three sightings shows only as "other sectors".
        var members = DemoSeeder.Members.Concat(SharingDemoData.Accounts);

        // Act
        var largest = members.GroupBy(m => m.SectorCode).Max(g => g.Count());

        // Assert
        largest.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void SharingAccounts_DemoData_AreMembersInTheCountryVettersCountries()
    {
        // Arrange
        var accounts = SharingDemoData.Accounts;

        // Act
        var outside = accounts.Where(a => a.Role != Roles.Member || !DemoSeeder.MemberCountries.Contains(a.CountryCode) || a.SectorCode is null).Select(a => a.Email).ToList();

        // Assert
        outside.ShouldBeEmpty();
    }

    [Fact]
    public void GeneratePassword_Called_SatisfiesPortalIdentityPasswordRules()
    {
        // Arrange
        // Mirrors PortalIdentity: at least 12 characters and not a common password (no composition rules).

        // Act
        var password = DemoSeeder.GeneratePassword();

        // Assert
        password.Length.ShouldBeGreaterThanOrEqualTo(PasswordPolicy.MinimumLength);
        CommonPasswordValidator.IsCommon(password).ShouldBeFalse();
    }

    [Fact]
    public void GeneratePassword_CalledTwice_ReturnsDifferentPasswords()
    {
        // Arrange
        var first = DemoSeeder.GeneratePassword();

        // Act
        var second = DemoSeeder.GeneratePassword();

        // Assert
        second.ShouldNotBe(first);
    }
}
