using CecPortal.Web.Data;

namespace CecPortal.UnitTests.Profile;

public sealed class ProfileDetailsTests
{
    [Fact]
    public void Normalize_BlanksAndPadding_TrimmedBlanksBecomeNullCountryUpperCased()
    {
        // Arrange / Act
        var details = ProfileDetails.Normalize("  Marie Dubois ", "   ", " Énergie Atlantique ", " fr ", "", hiddenFromDirectory: true);

        // Assert
        details.ShouldBe(new ProfileDetails("Marie Dubois", null, "Énergie Atlantique", "FR", null, true));
    }

    [Fact]
    public void ChangeProfile_SomeFieldsDiffer_AppliesAllAndNamesOnlyTheChangedOnes()
    {
        // Arrange
        var user = User();

        // Act
        var changed = user.ChangeProfile(new ProfileDetails("Marie Dubois", "Group CISO", "Énergie Atlantique", "FR", "energy", HiddenFromDirectory: true));

        // Assert
        changed.ShouldBe(["job title", "directory visibility"]);
        (user.JobTitle, user.HiddenFromDirectory).ShouldBe(("Group CISO", true));
    }

    [Fact]
    public void ChangeProfile_NothingDiffers_NamesNothing()
    {
        // Arrange
        var user = User();

        // Act
        var changed = user.ChangeProfile(user.Details);

        // Assert
        changed.ShouldBeEmpty();
    }

    [Fact]
    public void ChangeProfile_EmptyName_RefusedAndNothingChanges()
    {
        // Arrange
        var user = User();

        // Act
        var refused = Should.Throw<AccountRuleException>(() => user.ChangeProfile(new ProfileDetails(string.Empty, "Other", null, null, null, false)));

        // Assert
        refused.Message.ShouldBe("Enter your name.");
        user.JobTitle.ShouldBe("CISO");
    }

    [Fact]
    public void ChangeProfile_FieldLongerThanTheColumn_Refused()
    {
        // Arrange
        var user = User();

        // Act / Assert
        Should.Throw<AccountRuleException>(() => user.ChangeProfile(user.Details with { Organisation = new string('x', ProfileDetails.MaxTextLength + 1) }));
        user.ChangeProfile(user.Details with { Organisation = new string('x', ProfileDetails.MaxTextLength) }).ShouldBe(["organisation"]);
    }

    private static PortalUser User() =>
        new(new ProfileDetails("Marie Dubois", "CISO", "Énergie Atlantique", "FR", "energy", HiddenFromDirectory: false), DateTimeOffset.UnixEpoch);
}
