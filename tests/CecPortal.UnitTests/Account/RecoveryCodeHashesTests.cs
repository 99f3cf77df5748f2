using CecPortal.Web.Features.Account.TwoFactor;

namespace CecPortal.UnitTests.Account;

public sealed class RecoveryCodeHashesTests
{
    private static readonly string[] Codes = ["BCDFG-HJKMN", "PQRTV-WXY23", "45678-9BCDF"];

    [Fact]
    public void Redeem_HashedList_EachCodeOnceAndNothingElse()
    {
        // Arrange
        var stored = RecoveryCodeHashes.Hash("user-1", Codes);

        // Act
        var afterFirst = RecoveryCodeHashes.Redeem("user-1", stored, "pqrtv-wxy23");
        var again = RecoveryCodeHashes.Redeem("user-1", afterFirst, "PQRTV-WXY23");
        var wrong = RecoveryCodeHashes.Redeem("user-1", afterFirst, "BCDFG-HJKMM");

        // Assert
        stored.ShouldStartWith(RecoveryCodeHashes.Prefix);
        Codes.ShouldAllBe(code => !stored.Contains(code));
        RecoveryCodeHashes.Count(stored).ShouldBe(3);
        afterFirst.ShouldNotBeNull();
        RecoveryCodeHashes.Count(afterFirst).ShouldBe(2);
        again.ShouldBeNull();
        wrong.ShouldBeNull();
    }

    [Fact]
    public void Redeem_ListOfAnotherAccount_MatchesNothing()
    {
        // Arrange
        var stored = RecoveryCodeHashes.Hash("user-1", Codes);

        // Act
        var redeemed = RecoveryCodeHashes.Redeem("user-2", stored, Codes[0]);

        // Assert
        redeemed.ShouldBeNull();
    }

    [Fact]
    public void Redeem_ListInTheClear_MatchesNothing()
    {
        // Arrange: the codes as a row written around the store would hold them.
        var clear = string.Join(';', Codes);

        // Act
        var remaining = RecoveryCodeHashes.Redeem("user-1", clear, Codes[2]);

        // Assert
        remaining.ShouldBeNull();
        RecoveryCodeHashes.Count(clear).ShouldBe(0);
    }

    [Fact]
    public void Redeem_LastCode_LeavesNone()
    {
        // Arrange
        var stored = RecoveryCodeHashes.Hash("user-1", [Codes[0]]);

        // Act
        var remaining = RecoveryCodeHashes.Redeem("user-1", stored, Codes[0]);

        // Assert
        remaining.ShouldBe(string.Empty);
        RecoveryCodeHashes.Count(remaining).ShouldBe(0);
    }
}
