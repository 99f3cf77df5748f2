using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.LocalPostgres;
using CecPortal.Web.Infrastructure.Operations;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CecPortal.UnitTests.Infrastructure.Operations;

public sealed class SettingsValidationTests
{
    [Fact]
    public void Validate_DefaultSettings_Succeed()
    {
        // Arrange
        using var services = Services([]);

        // Act
        var startup = () => services.GetRequiredService<IStartupValidator>().Validate();

        // Assert
        startup.ShouldNotThrow();
    }

    [Fact]
    public void Validate_PortOutOfRange_NamesTheEnvironmentVariableTheRangeAndTheValue()
    {
        // Arrange
        var validator = new SettingsValidator<EmailOptions>(Options.DefaultName, EmailOptions.Section);

        // Act
        var result = validator.Validate(Options.DefaultName, new EmailOptions { Port = 0 });

        // Assert
        result.Failures.ShouldBe(["Email__Port must be between 1 and 65535 (was 0)"]);
    }

    [Fact]
    public void Validate_RequiredAndEmailRules_OneSentenceEach()
    {
        // Arrange
        var validator = new SettingsValidator<EmailOptions>(Options.DefaultName, EmailOptions.Section);

        // Act
        var failures = validator.Failures(new EmailOptions { FromAddress = "nope", FromName = "" }).ToList();

        // Assert
        failures.ShouldBe(["Email__FromAddress must be an email address (was 'nope')", "Email__FromName is required (was empty)"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_ObjectRules_SpeakInEnvironmentVariableNames()
    {
        // Arrange
        var validator = new SettingsValidator<BriefingOptions>(Options.DefaultName, BriefingOptions.Section);

        // Act
        var failures = validator.Failures(new BriefingOptions { LeaseDuration = TimeSpan.Zero, TimeZone = "Mars/Olympus" }).ToList();

        // Assert
        failures.ShouldContain("Briefings__LeaseDuration must be between 1 second and 2 hours.");
        failures.ShouldContain("Briefings__TimeZone 'Mars/Olympus' is not a known IANA time zone.");
        failures.Count.ShouldBe(2);
    }

    [Fact]
    public void Validate_CustomAttributeMessage_KeepsItsWords()
    {
        // Arrange
        var validator = new SettingsValidator<WebinarOptions>(Options.DefaultName, WebinarOptions.Section);

        // Act
        var failures = validator.Failures(new WebinarOptions { CalendarUidDomain = "not a host" }).ToList();

        // Assert
        failures.ShouldBe(["Webinars__CalendarUidDomain must be a host name such as portal.cec.example (was 'not a host')"]);
    }

    [Fact]
    public void Validate_SecretSetting_DoesNotEchoTheValue()
    {
        // Arrange
        using var services = Services(new() { ["Privacy:BlocklistKey"] = "c2hvcnQ=" });

        // Act
        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        error.Failures.Single().ShouldStartWith("Privacy__BlocklistKey must be at least 32 random bytes");
        error.Message.ShouldNotContain("c2hvcnQ=");
    }

    [Fact]
    public void Validate_SeveralBadSections_ReportsEveryProblem()
    {
        // Arrange
        using var services = Services(new()
        {
            ["Jobs:WorkerCount"] = "0",
            ["Jobs:DistributedLockTimeout"] = "00:00:01",
            ["RateLimits:SignInPerMinute"] = "0",
            ["Shutdown:Timeout"] = "00:00:00",
        });

        // Act
        var error = Should.Throw<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        StartupFailure.Describe(error).ShouldBe(
            [
                "Jobs__WorkerCount must be between 1 and 64 (was 0)",
                "Jobs__DistributedLockTimeout must be between 00:00:05 and 00:10:00 (was 00:00:01)",
                "RateLimits__SignInPerMinute must be between 1 and 1000000 (was 0)",
                "Shutdown__Timeout must be between 00:00:01 and 00:10:00 (was 00:00:00)",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Describe_ValueOfWrongType_NamesSettingAndExpectedKind()
    {
        // Arrange
        using var services = Services(new() { ["Jobs:WorkerCount"] = "many" });

        // Act
        var error = Should.Throw<InvalidOperationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        StartupFailure.Describe(error).ShouldBe(["Jobs__WorkerCount must be a whole number (was 'many')"]);
    }

    [Fact]
    public void Describe_ConfigurationAndLocalPostgresErrors_PrintTheirOneSentence()
    {
        StartupFailure.Describe(new PortalConfigurationException("Set X.")).ShouldBe(["Set X."]);
        StartupFailure.Describe(new LocalPostgresException("Install PostgreSQL.")).ShouldBe(["Install PostgreSQL."]);
    }

    [Fact]
    public void Describe_Bug_IsLeftForTheStackTrace()
    {
        StartupFailure.Describe(new ArgumentException("a bug")).ShouldBeNull();
        StartupFailure.Describe(new AggregateException(new PortalConfigurationException("Set X."), new ArgumentException("a bug"))).ShouldBeNull();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<KeySettings>().Configure<IConfiguration>(KeySettings.Read).ValidateSettings("Privacy");
        services.AddOptions<JobsOptions>().BindSettings(JobsOptions.Section);
        services.AddOptions<ShutdownOptions>().BindSettings(ShutdownOptions.Section);
        services.AddOptions<BriefingOptions>().BindSettings(BriefingOptions.Section);
        services.AddPortalRateLimiting();
        return services.BuildServiceProvider();
    }
}
