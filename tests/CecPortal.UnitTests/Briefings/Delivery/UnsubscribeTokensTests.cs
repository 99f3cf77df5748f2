using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.UnitTests.Briefings.Delivery;

public sealed class UnsubscribeTokensTests
{
    private const string MemberId = "0b6f3c1e-8f7a-4f6e-9d52-7c1a2b3c4d5e";

    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void ReadMemberId_TokenFromCreate_GivesTheMemberBack()
    {
        // Arrange
        var tokens = new UnsubscribeTokens(_keys);

        // Act
        var token = tokens.Create(MemberId);

        // Assert
        tokens.ReadMemberId(token).ShouldBe(MemberId);
        token.ShouldNotContain(MemberId);
        token.ShouldMatch("^[A-Za-z0-9_-]+$", "the token goes into a URL path as it is");
    }

    [Fact]
    public void ReadMemberId_OneCharacterChanged_IsRejected()
    {
        // Arrange
        var tokens = new UnsubscribeTokens(_keys);
        var token = tokens.Create(MemberId);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        // Act
        var memberId = tokens.ReadMemberId(tampered);

        // Assert
        memberId.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("0b6f3c1e-8f7a-4f6e-9d52-7c1a2b3c4d5e")]
    [InlineData(null)]
    public void ReadMemberId_NotAToken_IsRejected(string? token)
    {
        // Arrange
        var tokens = new UnsubscribeTokens(_keys);

        // Act
        var memberId = tokens.ReadMemberId(token);

        // Assert
        memberId.ShouldBeNull();
    }

    [Fact]
    public void ReadMemberId_ProtectedForAnotherPurpose_IsRejected()
    {
        // Arrange
        var tokens = new UnsubscribeTokens(_keys);
        var other = _keys.CreateProtector("CecPortal.SomethingElse").Protect(MemberId);

        // Act
        var memberId = tokens.ReadMemberId(other);

        // Assert
        memberId.ShouldBeNull();
    }

    [Fact]
    public void ReadMemberId_TokenFromAnotherKeyRing_IsRejected()
    {
        // Arrange
        var token = new UnsubscribeTokens(new EphemeralDataProtectionProvider()).Create(MemberId);

        // Act
        var memberId = new UnsubscribeTokens(_keys).ReadMemberId(token);

        // Assert
        memberId.ShouldBeNull();
    }

    [Fact]
    public void Read_AnnouncementToken_GivesMemberAndListBackButIsNoBriefingToken()
    {
        // Arrange
        var tokens = new UnsubscribeTokens(_keys);

        // Act
        var token = tokens.Create(MemberId, MailingList.WebinarAnnouncements);

        // Assert
        tokens.Read(token).ShouldBe(new UnsubscribeRequest(MemberId, MailingList.WebinarAnnouncements));
        tokens.ReadMemberId(token).ShouldBeNull();
        tokens.Read(tokens.Create(MemberId)).ShouldBe(new UnsubscribeRequest(MemberId, MailingList.DailyBriefing));
    }

    [Fact]
    public void Create_ConsultationsList_ReadsBackAsThatListAndNoOther()
    {
        // Arrange
        var tokens = new UnsubscribeTokens(_keys);

        // Act
        var token = tokens.Create(MemberId, MailingList.Consultations);

        // Assert
        tokens.Read(token).ShouldBe(new UnsubscribeRequest(MemberId, MailingList.Consultations));
        tokens.ReadMemberId(token).ShouldBeNull();
    }

    [Fact]
    public void Read_BriefingTokenFromBeforeOtherLists_StillAnUnsubscribeFromTheBriefing()
    {
        // Arrange: what briefings carried before announcements existed: the bare member id under the same purpose.
        var legacy = _keys.CreateProtector(UnsubscribeTokens.Purpose).Protect(MemberId);
        var tokens = new UnsubscribeTokens(_keys);

        // Act
        var request = tokens.Read(legacy);

        // Assert
        request.ShouldBe(new UnsubscribeRequest(MemberId, MailingList.DailyBriefing));
    }
}
