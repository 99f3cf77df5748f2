using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.ProfileChanges;

namespace CecPortal.UnitTests.Membership.ProfileChanges;

/// <summary>The rules of a member's change of organisation, country or sector (light re-vetting).</summary>
public sealed class ProfileReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly ProfileDetails Current = new("Marie Dubois", "CISO", "Énergie Atlantique", "FR", "energy", HiddenFromDirectory: false);

    [Fact]
    public void Request_NothingVettedChanges_Refused()
    {
        // Act / Assert
        Should.Throw<ProfileReviewRuleException>(() => ProfileReview.Request("member", Current, Current with { JobTitle = "Group CISO" }, null, [], Now));
    }

    [Fact]
    public void AppliedTo_ProfileChangedMeanwhile_TakesTheNewValuesAndKeepsTheOtherFields()
    {
        // Arrange
        var review = ProfileReview.Request("member", Current, Current with { Organisation = "Atlantique Réseaux", SectorCode = "transport" }, "https://reseaux.example", [], Now);

        // Act
        var applied = review.AppliedTo(Current with { JobTitle = "Group CISO", HiddenFromDirectory = true });

        // Assert
        applied.ShouldBe(new ProfileDetails("Marie Dubois", "Group CISO", "Atlantique Réseaux", "FR", "transport", true));
        review.ChangedFields().ShouldBe(["organisation", "sector"]);
    }

    [Fact]
    public void Confirm_ByTheMemberThemself_Refused()
    {
        // Arrange
        var review = ProfileReview.Request("member", Current, Current with { CountryCode = "BE" }, null, [], Now);

        // Act / Assert
        Should.Throw<ProfileReviewRuleException>(() => review.Confirm("member", "Marie Dubois", null, Now));
        review.IsPending.ShouldBeTrue();
    }

    [Fact]
    public void Refuse_BlankReason_RefusedAndStillPending()
    {
        // Arrange
        var review = ProfileReview.Request("member", Current, Current with { CountryCode = "BE" }, null, [], Now);

        // Act / Assert
        Should.Throw<ProfileReviewRuleException>(() => review.Refuse("vetter", "Valeria Vetter", "  ", null, Now)).Field.ShouldBe("Input.Reason");
        review.IsPending.ShouldBeTrue();
        review.DecidedAt.ShouldBeNull();
    }

    [Fact]
    public void Decide_AlreadyDecidedOrReplaced_Refused()
    {
        // Arrange
        var confirmed = ProfileReview.Request("member", Current, Current with { CountryCode = "BE" }, null, [], Now);
        confirmed.Confirm("vetter", "Valeria Vetter", "Checked.", Now);
        var replaced = ProfileReview.Request("member", Current, Current with { CountryCode = "LU" }, null, [], Now);
        replaced.Replace(Now);

        // Act / Assert
        Should.Throw<ProfileReviewRuleException>(() => confirmed.Refuse("vetter", "Valeria Vetter", "No.", null, Now));
        Should.Throw<ProfileReviewRuleException>(() => replaced.Confirm("vetter", "Valeria Vetter", null, Now));
        Should.Throw<ProfileReviewRuleException>(() => confirmed.Cancel(Now));
        (confirmed.Status, confirmed.DecidedByName, confirmed.Note).ShouldBe((ProfileReviewStatus.Confirmed, "Valeria Vetter", "Checked."));
        replaced.Status.ShouldBe(ProfileReviewStatus.Replaced);
    }
}
