using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;

namespace CecPortal.UnitTests.Briefings.Delivery;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 15)]
    [InlineData(4, 60)]
    [InlineData(5, 60)]
    [InlineData(9, 60)]
    public void BackoffAfter_DefaultSteps_GrowThenRepeatTheLast(int attempts, int expectedMinutes)
    {
        // Arrange
        var options = new BriefingOptions();

        // Act
        var wait = options.BackoffAfter(attempts);

        // Assert
        wait.ShouldBe(TimeSpan.FromMinutes(expectedMinutes));
    }

    [Fact]
    public void BackoffAfter_ConfiguredSteps_AreUsed()
    {
        // Arrange
        var options = new BriefingOptions { RetryBackoff = "00:00:00.200,00:00:01" };

        // Act
        var waits = Enumerable.Range(1, 3).Select(options.BackoffAfter).ToList();

        // Assert
        waits.ShouldBe([TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("00:01:00, -00:00:01")]
    [InlineData("2.00:00:00")]
    public void Validate_UnusableRetryBackoff_IsRefused(string backoff)
    {
        // Arrange
        var options = new BriefingOptions { RetryBackoff = backoff };

        // Act
        var errors = Validate(options);

        // Assert
        errors.ShouldContain(e => e.MemberNames.Contains(nameof(BriefingOptions.RetryBackoff)));
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        // Act
        var errors = Validate(new BriefingOptions());

        // Assert
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_OutOfRangeSettings_AreRefused()
    {
        // Arrange
        var options = new BriefingOptions { ChunkSize = 0, SmtpConcurrency = 65, MaxAttempts = 0, LeaseDuration = TimeSpan.Zero };

        // Act
        var errors = Validate(options);
        errors.AddRange(options.Validate(new ValidationContext(options)));

        // Assert
        errors.SelectMany(e => e.MemberNames).ShouldBe(
            [nameof(BriefingOptions.ChunkSize), nameof(BriefingOptions.SmtpConcurrency), nameof(BriefingOptions.MaxAttempts), nameof(BriefingOptions.LeaseDuration)],
            ignoreOrder: true);
    }

    private static List<ValidationResult> Validate(BriefingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData("2026-12-06T07:00:05.3000000+00:00", "2026-12-06T07:00:00+00:00", "2026-12-06T07:00:06+00:00")]
    [InlineData("2026-12-06T07:00:05.0000000+00:00", "2026-12-06T07:00:00+00:00", "2026-12-06T07:00:05+00:00")]
    [InlineData("2026-12-06T07:00:05.3000000+00:00", "2026-12-06T07:00:09.0000001+00:00", "2026-12-06T07:00:10+00:00")]
    public void FollowUpTime_ABackoffEnd_NeverBeforeItAndOnAWholeSecond(string next, string now, string expected)
    {
        // Act
        var at = BriefingDeliveryQueue.FollowUpTime(Parse(next), Parse(now));

        // Assert
        at.ShouldBe(Parse(expected));
    }

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
