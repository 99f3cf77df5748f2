using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Features.Privacy;

namespace CecPortal.UnitTests.Privacy;

public sealed class RetentionRulesTests
{
    [Theory]
    [InlineData(7, "7 days")]
    [InlineData(1, "1 day")]
    [InlineData(90, "90 days")]
    [InlineData(180, "180 days")]
    [InlineData(183, "6 months")]
    [InlineData(396, "13 months")]
    [InlineData(365, "1 year")]
    [InlineData(730, "2 years")]
    public void Describe_Days_ReadsAsPeopleSayIt(int days, string expected) =>
        RetentionOptions.Describe(TimeSpan.FromDays(days)).ShouldBe(expected);

    [Fact]
    public void Validate_Defaults_AreValid() => Problems(new RetentionOptions()).ShouldBeEmpty();

    [Fact]
    public void Validate_UnverifiedShorterThanTheLink_IsRejected() =>
        Problems(new RetentionOptions { UnverifiedApplications = TimeSpan.FromDays(3) }).ShouldHaveSingleItem().ShouldContain("at least the 7 days");

    [Fact]
    public void Validate_ZeroPeriod_IsRejected() =>
        Problems(new RetentionOptions { SentEmails = TimeSpan.Zero }).ShouldHaveSingleItem().ShouldStartWith("Retention:SentEmails must be between 1 day and 10 years");

    [Fact]
    public void Validate_TinyBatch_IsRejected() =>
        Problems(new RetentionOptions { BatchSize = 1 }).ShouldNotBeEmpty();

    [Fact]
    public void DataInventory_ConfiguredPeriods_AppearInTheEntries()
    {
        // Arrange
        var options = new RetentionOptions { ClosedApplications = TimeSpan.FromDays(30), DeliveryDetails = TimeSpan.FromDays(730) };

        // Act
        var inventory = DataInventory.For(options);

        // Assert
        inventory.Single(e => e.Data == "Membership application").RetainedFor.ShouldContain("deleted 30 days after the decision");
        inventory.Single(e => e.Data == "Briefing delivery records").RetainedFor.ShouldStartWith("2 years;");
        inventory.ShouldAllBe(e => e.LegalBasis.Contains("Art. 6(1)", StringComparison.Ordinal));
    }

    [Fact]
    public void BreachCriteria_NoCategory_IsRejected() =>
        new BreachCriteria(BreachDataCategory.None, null, null).Validate().ShouldHaveSingleItem().Field.ShouldBe("Categories");

    [Fact]
    public void BreachCriteria_EndBeforeStart_IsRejected() =>
        new BreachCriteria(BreachDataCategory.Profile, new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 1)).Validate().ShouldHaveSingleItem().Field.ShouldBe("To");

    [Fact]
    public void BreachCriteria_StartInTheFuture_IsRejected() =>
        new BreachCriteria(BreachDataCategory.Profile, new DateOnly(2026, 12, 1), null).Validate(today: new DateOnly(2026, 11, 27)).ShouldHaveSingleItem().Field.ShouldBe("From");

    [Fact]
    public void BreachCriteria_SameDayWindow_CoversTheWholeUtcDay()
    {
        // Arrange
        var criteria = new BreachCriteria(BreachDataCategory.SignInHistory, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1));

        // Act & Assert
        criteria.Validate().ShouldBeEmpty();
        criteria.Start.ShouldBe(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        criteria.End.ShouldBe(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero));
        criteria.DescribeWindow().ShouldBe("2025-03-01 to 2025-03-01");
    }

    [Fact]
    public void BreachNotice_NobodyAffected_CannotBeCreated() =>
        Should.Throw<BreachRuleException>(() => BreachNotice.Create(new BreachCriteria(BreachDataCategory.Profile, null, null), "Subject", "Body", 0, "admin", "Admin", DateTimeOffset.UtcNow));

    [Fact]
    public void PrivacyNotice_Publish_NextVersionNeedsSummary()
    {
        // Act
        var notice = PrivacyNotice.Publish(3, " Text ", "Changed", "Alex Admin", DateTimeOffset.UnixEpoch);

        // Assert
        (notice.Version, notice.Markdown, notice.PublishedBy).ShouldBe((4, "Text", "Alex Admin"));
        Should.Throw<PrivacyRuleException>(() => PrivacyNotice.Publish(3, "Text", " ", "Alex Admin", DateTimeOffset.UnixEpoch));
    }

    private static List<string> Problems(RetentionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
