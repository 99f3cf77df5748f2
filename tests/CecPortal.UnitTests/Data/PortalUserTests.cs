using CecPortal.Web.Data;

namespace CecPortal.UnitTests.Data;

public sealed class PortalUserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Suspend_ActiveMember_RecordsWhenAndTrimmedReason()
    {
        // Arrange
        var user = NewUser();

        // Act
        user.Suspend("  Left the organisation.  ", Now);

        // Assert
        user.IsSuspended.ShouldBeTrue();
        user.SuspendedAt.ShouldBe(Now);
        user.SuspensionReason.ShouldBe("Left the organisation.");
    }

    [Fact]
    public void Suspend_AlreadySuspended_ThrowsAndKeepsTheFirstSuspension()
    {
        // Arrange
        var user = NewUser();
        user.Suspend("First.", Now);

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Suspend("Second.", Now.AddDays(1)));

        // Assert
        thrown.Message.ShouldBe("Marie Dubois is already suspended.");
        user.SuspendedAt.ShouldBe(Now);
        user.SuspensionReason.ShouldBe("First.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Suspend_WithoutReason_ThrowsAndStaysActive(string reason)
    {
        // Arrange
        var user = NewUser();

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Suspend(reason, Now));

        // Assert
        thrown.Message.ShouldBe("Give a reason for the record.");
        user.IsSuspended.ShouldBeFalse();
    }

    [Fact]
    public void Suspend_WithOverlongReason_ThrowsAndStaysActive()
    {
        // Arrange
        var user = NewUser();

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Suspend(new string('x', PortalUser.MaxReasonLength + 1), Now));

        // Assert
        thrown.Message.ShouldContain("500");
        user.IsSuspended.ShouldBeFalse();
    }

    [Fact]
    public void Reinstate_SuspendedMember_ClearsTheSuspension()
    {
        // Arrange
        var user = NewUser();
        user.Suspend("Unpaid fee.", Now);

        // Act
        user.Reinstate("Fee paid.");

        // Assert
        user.IsSuspended.ShouldBeFalse();
        user.SuspendedAt.ShouldBeNull();
        user.SuspensionReason.ShouldBeNull();
    }

    [Fact]
    public void Reinstate_ActiveMember_Throws()
    {
        // Arrange
        var user = NewUser();

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Reinstate("Just in case."));

        // Assert
        thrown.Message.ShouldBe("Marie Dubois is not suspended.");
    }

    [Fact]
    public void Reinstate_WithoutReason_ThrowsAndStaysSuspended()
    {
        // Arrange
        var user = NewUser();
        user.Suspend("Unpaid fee.", Now);

        // Act
        Should.Throw<AccountRuleException>(() => user.Reinstate(" "));

        // Assert
        user.IsSuspended.ShouldBeTrue();
    }

    [Fact]
    public void New_WithProfileDetails_KeepsThemAndTheCreationInstant()
    {
        // Arrange
        var details = new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: true);

        // Act
        var user = new PortalUser(details, Now);

        // Assert
        user.Details.ShouldBe(details);
        user.CreatedAt.ShouldBe(Now);
        user.IsSuspended.ShouldBeFalse();
        user.IsErased.ShouldBeFalse();
    }

    [Fact]
    public void New_WithoutName_Throws()
    {
        // Act
        var thrown = Should.Throw<AccountRuleException>(() => new PortalUser(new ProfileDetails(string.Empty, null, null, null, null, HiddenFromDirectory: false), Now));

        // Assert
        thrown.Message.ShouldBe("Enter your name.");
    }

    [Fact]
    public void OptOutOfBriefing_Twice_KeepsTheFirstInstant()
    {
        // Arrange
        var user = NewUser();
        user.OptOutOfBriefing(Now);

        // Act
        user.OptOutOfBriefing(Now.AddDays(3));

        // Assert
        user.BriefingOptOutAt.ShouldBe(Now);
    }

    [Fact]
    public void OptInToBriefing_AfterOptingOut_ClearsTheOptOut()
    {
        // Arrange
        var user = NewUser();
        user.OptOutOfBriefing(Now);

        // Act
        user.OptInToBriefing();

        // Assert
        user.BriefingOptOutAt.ShouldBeNull();
    }

    [Fact]
    public void OptOutOfWebinarAnnouncements_Twice_KeepsTheFirstInstantAndLeavesTheBriefingAlone()
    {
        // Arrange
        var user = NewUser();
        user.OptOutOfWebinarAnnouncements(Now);

        // Act
        user.OptOutOfWebinarAnnouncements(Now.AddDays(3));

        // Assert
        user.WebinarAnnouncementsOptOutAt.ShouldBe(Now);
        user.BriefingOptOutAt.ShouldBeNull();
    }

    [Fact]
    public void ReplaceFeedToken_ThenRevoke_ClearsHashAndInstant()
    {
        // Arrange
        var user = NewUser();
        user.ReplaceFeedToken(new string('a', 64), Now);

        // Act
        user.RevokeFeedToken();

        // Assert
        user.FeedTokenHash.ShouldBeNull();
        user.FeedTokenCreatedAt.ShouldBeNull();
    }

    [Fact]
    public void ReplaceFeedToken_Twice_KeepsOnlyTheNewHash()
    {
        // Arrange
        var user = NewUser();
        user.ReplaceFeedToken(new string('a', 64), Now);

        // Act
        user.ReplaceFeedToken(new string('b', 64), Now.AddHours(1));

        // Assert
        user.FeedTokenHash.ShouldBe(new string('b', 64));
        user.FeedTokenCreatedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void RequestEmailChange_ThenClear_LeavesNothingPending()
    {
        // Arrange
        var user = NewUser();
        user.RequestEmailChange("marie@new.example", Now);

        // Act
        user.ClearPendingEmail();

        // Assert
        user.PendingEmail.ShouldBeNull();
        user.PendingEmailRequestedAt.ShouldBeNull();
    }

    [Fact]
    public void Erase_SuspendedMemberWithEverySetting_LeavesATombstoneWithoutPersonalData()
    {
        // Arrange
        var user = new PortalUser(new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: false), Now)
        {
            UserName = "marie@banque.example",
            Email = "marie@banque.example",
            NormalizedEmail = "MARIE@BANQUE.EXAMPLE",
            NormalizedUserName = "MARIE@BANQUE.EXAMPLE",
            EmailConfirmed = true,
            PasswordHash = "hash",
            PhoneNumber = "+33 6 12 34 56 78",
            PhoneNumberConfirmed = true,
            TwoFactorEnabled = true,
            AccessFailedCount = 2,
            SecurityStamp = "old-stamp",
            ConcurrencyStamp = "old-concurrency",
        };
        user.ChooseTimeZone("Europe/Paris");
        user.ReplaceFeedToken(new string('a', 64), Now);
        user.ReplaceCalendarToken(new string('c', 64));
        user.RequestEmailChange("marie@new.example", Now);
        user.ScheduleAttestation(Now.AddDays(-400));
        user.RecordAttestationRequest(Now.AddDays(-400));
        user.Attest(Now.AddDays(-399), TimeSpan.FromDays(365));
        user.RecordAttestationRequest(Now.AddDays(-30));
        user.RecordAttestationReminder(Now.AddDays(-20));
        user.Lapse(Now.AddDays(-5));
        user.Suspend("Left the organisation.", Now);
        user.MarkUndeliverable("5.1.1 hard bounce: 550 5.1.1 <marie@banque.example> user unknown", Now);
        var erasedAt = Now.AddDays(30);

        // Act
        user.Erase("erased-1234@erased.invalid", "Erased account", erasedAt);

        // Assert
        user.FullName.ShouldBe("Erased account");
        user.Details.ShouldBe(new ProfileDetails("Erased account", null, null, null, null, HiddenFromDirectory: true));
        user.UserName.ShouldBe("erased-1234@erased.invalid");
        user.NormalizedUserName.ShouldBe("ERASED-1234@ERASED.INVALID");
        user.Email.ShouldBe("erased-1234@erased.invalid");
        user.NormalizedEmail.ShouldBe("ERASED-1234@ERASED.INVALID");
        user.EmailConfirmed.ShouldBeFalse();
        user.PasswordHash.ShouldBeNull();
        user.PhoneNumber.ShouldBeNull();
        user.PhoneNumberConfirmed.ShouldBeFalse();
        user.TwoFactorEnabled.ShouldBeFalse();
        user.LockoutEnabled.ShouldBeTrue();
        user.LockoutEnd.ShouldBe(DateTimeOffset.MaxValue);
        user.AccessFailedCount.ShouldBe(0);
        user.SecurityStamp.ShouldNotBe("old-stamp");
        user.ConcurrencyStamp.ShouldNotBe("old-concurrency");
        user.TimeZoneId.ShouldBeNull();
        user.FeedTokenHash.ShouldBeNull();
        user.FeedTokenCreatedAt.ShouldBeNull();
        user.CalendarTokenHash.ShouldBeNull();
        user.PendingEmail.ShouldBeNull();
        user.PendingEmailRequestedAt.ShouldBeNull();
        user.SuspendedAt.ShouldBeNull();
        user.SuspensionReason.ShouldBeNull();
        user.BriefingOptOutAt.ShouldBe(erasedAt);
        user.WebinarAnnouncementsOptOutAt.ShouldBe(erasedAt);
        user.ConsultationEmailsOptOutAt.ShouldBe(erasedAt);
        user.ErasedAt.ShouldBe(erasedAt);
        user.IsErased.ShouldBeTrue();
        user.CreatedAt.ShouldBe(Now);
        user.AttestationDueAt.ShouldBeNull();
        user.AttestationRequestedAt.ShouldBeNull();
        user.AttestationRemindedAt.ShouldBeNull();
        user.LastAttestedAt.ShouldBeNull();
        user.LapsedAt.ShouldBeNull();
        user.IsLapsed.ShouldBeFalse();
        user.UndeliverableSince.ShouldBeNull();
        user.UndeliverableReason.ShouldBeNull();
        user.AddressConfirmedAt.ShouldBeNull();
        user.IsUndeliverable.ShouldBeFalse();
    }

    [Fact]
    public void Erase_Alumni_DropsTheAlumniRecord()
    {
        // Arrange
        var user = new PortalUser(new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: false), Now);
        user.LeaveMembership(Now);

        // Act
        user.Erase("erased-1234@erased.invalid", "Erased account", Now.AddDays(1));

        // Assert
        user.LeftAt.ShouldBeNull();
        user.IsAlumni.ShouldBeFalse();
    }

    [Fact]
    public void Attest_LapsedMember_RestoresAndStartsTheNextRoundAPeriodAway()
    {
        // Arrange
        var user = new PortalUser(new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: false), Now.AddDays(-500));
        user.ScheduleAttestation(Now.AddDays(-70));
        user.RecordAttestationRequest(Now.AddDays(-70));
        user.RecordAttestationReminder(Now.AddDays(-40));
        user.Lapse(Now.AddDays(-10));

        // Act
        var wasLapsed = user.Attest(Now, TimeSpan.FromDays(365));

        // Assert
        wasLapsed.ShouldBeTrue();
        user.IsLapsed.ShouldBeFalse();
        user.LastAttestedAt.ShouldBe(Now);
        user.AttestationDueAt.ShouldBe(Now.AddDays(365));
        user.AttestationRequestedAt.ShouldBeNull();
        user.AttestationRemindedAt.ShouldBeNull();
    }

    [Fact]
    public void LapseRequestOrSchedule_OutOfTurn_Throws()
    {
        // Arrange
        var user = new PortalUser(new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: false), Now);
        user.ScheduleAttestation(Now.AddDays(-40));
        user.RecordAttestationRequest(Now.AddDays(-40));

        // Act / Assert
        Should.Throw<AccountRuleException>(() => user.Lapse(Now));
        Should.Throw<AccountRuleException>(() => user.RecordAttestationRequest(Now));
        Should.Throw<AccountRuleException>(() => user.ScheduleAttestation(Now.AddDays(300)));
    }

    [Theory]
    [InlineData(" ", 10)]
    [InlineData("Parental leave", -1)]
    public void ExtendAttestation_BlankReasonOrEarlierDate_Throws(string reason, int daysFromNow)
    {
        // Arrange
        var user = new PortalUser(new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: false), Now);
        user.ScheduleAttestation(Now.AddDays(-5));

        // Act / Assert
        Should.Throw<AccountRuleException>(() => user.ExtendAttestation(Now.AddDays(daysFromNow), reason, Now));
    }

    [Fact]
    public void LeaveMembership_MemberWithFeedsAndMail_KeepsTheRecordAndStopsEverything()
    {
        // Arrange
        var user = new PortalUser(new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: false), Now.AddDays(-500));
        user.ReplaceFeedToken(new string('a', 64), Now);
        user.ReplaceCalendarToken(new string('c', 64));
        user.ScheduleAttestation(Now.AddDays(30));

        // Act
        user.LeaveMembership(Now);

        // Assert
        user.IsAlumni.ShouldBeTrue();
        user.Details.ShouldBe(new ProfileDetails("Marie Dubois", "CISO", "Banque Exemple", "FR", "banking", HiddenFromDirectory: true));
        user.FeedTokenHash.ShouldBeNull();
        user.CalendarTokenHash.ShouldBeNull();
        user.BriefingOptOutAt.ShouldBe(Now);
        user.WebinarAnnouncementsOptOutAt.ShouldBe(Now);
        user.ConsultationEmailsOptOutAt.ShouldBe(Now);
        user.AttestationDueAt.ShouldBeNull();
        Should.Throw<AccountRuleException>(() => user.LeaveMembership(Now));
        Should.Throw<AccountRuleException>(() => user.Attest(Now, TimeSpan.FromDays(365)));
    }

    [Fact]
    public void MarkUndeliverable_TwiceThenConfirm_KeepsTheFirstMarkAndConfirmClearsIt()
    {
        // Arrange
        var user = NewUser();
        user.MarkUndeliverable("5.1.1 hard bounce", Now);

        // Act
        user.MarkUndeliverable("4.2.2 soft bounce", Now.AddHours(1));

        // Assert
        user.UndeliverableSince.ShouldBe(Now);
        user.UndeliverableReason.ShouldBe("5.1.1 hard bounce");

        // Act
        user.ConfirmAddress(Now.AddDays(1));

        // Assert
        user.IsUndeliverable.ShouldBeFalse();
        user.UndeliverableReason.ShouldBeNull();
        user.AddressConfirmedAt.ShouldBe(Now.AddDays(1));
        Should.Throw<AccountRuleException>(() => user.ConfirmAddress(Now.AddDays(2)));
    }

    [Fact]
    public void PortalUser_EveryDeclaredProperty_HasAnErasureDecision()
    {
        // Arrange: the fields Erase_SuspendedMemberWithEverySetting_LeavesATombstoneWithoutPersonalData checks. A field added to
        // PortalUser without a decision about erasure fails here until it is cleared by Erase and checked above.
        string[] decided =
        [
            nameof(PortalUser.FullName), nameof(PortalUser.JobTitle), nameof(PortalUser.Organisation), nameof(PortalUser.CountryCode),
            nameof(PortalUser.SectorCode), nameof(PortalUser.CreatedAt), nameof(PortalUser.SuspendedAt), nameof(PortalUser.SuspensionReason),
            nameof(PortalUser.IsSuspended), nameof(PortalUser.BriefingOptOutAt), nameof(PortalUser.FeedTokenHash), nameof(PortalUser.FeedTokenCreatedAt),
            nameof(PortalUser.TimeZoneId), nameof(PortalUser.CalendarTokenHash), nameof(PortalUser.LastTotpTimeStep), nameof(PortalUser.ErasedAt),
            nameof(PortalUser.IsErased), nameof(PortalUser.WebinarAnnouncementsOptOutAt), nameof(PortalUser.ConsultationEmailsOptOutAt), nameof(PortalUser.HiddenFromDirectory),
            nameof(PortalUser.PendingEmail), nameof(PortalUser.PendingEmailRequestedAt), nameof(PortalUser.Details),
            nameof(PortalUser.AttestationDueAt), nameof(PortalUser.AttestationRequestedAt), nameof(PortalUser.AttestationRemindedAt),
            nameof(PortalUser.LastAttestedAt), nameof(PortalUser.LapsedAt), nameof(PortalUser.IsLapsed), nameof(PortalUser.LeftAt), nameof(PortalUser.IsAlumni),
            nameof(PortalUser.UndeliverableSince), nameof(PortalUser.UndeliverableReason), nameof(PortalUser.AddressConfirmedAt), nameof(PortalUser.IsUndeliverable),
            nameof(PortalUser.BriefingLastReadOn),
        ];

        // Act
        var declared = typeof(PortalUser).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(p => p.Name);

        // Assert
        declared.ShouldBe(decided, ignoreOrder: true);
    }

    [Fact]
    public void PortalFields_HaveNoPublicSetter()
    {
        // Act
        var settable = typeof(PortalUser).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);

        // Assert
        settable.ShouldBeEmpty();
    }

    private static PortalUser NewUser() => new(new ProfileDetails("Marie Dubois", null, null, null, null, HiddenFromDirectory: false), Now);
}
