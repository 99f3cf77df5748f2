using System.Net;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>A portal whose logs are captured by a real provider and whose SMTP server can refuse with the address in its reply.</summary>
public sealed class LogCaptureFixture : PortalFixture, IAsyncDisposable
{
    public CapturingLoggerProvider Logs { get; } = new();

    public LeanSmtpSink Sink { get; } = new();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Email:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Information",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>Sign-in failures, applications and email (sent or refused) leave no email address or name in the logs.</summary>
public sealed class LogPrivacyTests(LogCaptureFixture portal) : IClassFixture<LogCaptureFixture>
{
    private const string Applicant = "camille.privacy@grid-logs.example";
    private const string ApplicantName = "Camille Laurent";
    private const string Refused = "refused.privacy@logs.cec.example";
    private const string RefusedName = "Rafaela Refusedottir";

    [Fact]
    public async Task Logs_AfterSignInFailuresApplicationAndEmail_HoldNoAddressOrName()
    {
        // Arrange
        await portal.CreateUserAsync(Refused, RefusedName, CecPortal.Web.Data.Roles.Member);
        portal.Sink.OnRecipient = recipient => recipient == Refused ? new SmtpFault(550, $"5.1.1 <{Refused}>: Recipient address rejected ({RefusedName})") : null;
        using var client = portal.CreateClient();

        // Act: a wrong password, an unknown account, an application (its confirmation email), a password link and a refused email.
        (await client.SignInAsync(PortalFactory.MemberEmail, "Wrong-Passw0rd!")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SignInAsync("nobody.here@logs.cec.example", "Wrong-Passw0rd!")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var applied = await client.SubmitFormAsync("/apply", MembershipFlowTests.Form(Applicant));
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await portal.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == Applicant));
        using var reset = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.MemberEmail });
        await portal.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == PortalFactory.MemberEmail));
        using var refused = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = Refused });
        // The delivery job's own line: Hangfire's retry warning goes to a process-wide logger, which in a full run may
        // belong to another test class's portal.
        // A 5xx is not retried (issue 18: it counts as a bounce of the address), so the job logs the refusal once.
        await BriefingsWait(() => portal.Logs.Lines.Any(l => l.Contains("refused permanently", StringComparison.Ordinal)), "the refused delivery to be logged");

        // Assert
        var lines = portal.Logs.Lines.ToList();
        lines.ShouldContain(l => l.Contains("Sign-in refused", StringComparison.Ordinal) || l.Contains("DeliverEmailJob", StringComparison.Ordinal), "the capture sees the portal's own lines");
        string[] personal = [PortalFactory.MemberEmail, "Marie Dubois", "nobody.here@logs.cec.example", Applicant, ApplicantName, Refused, RefusedName];
        foreach (var value in personal)
        {
            lines.Where(l => l.Contains(value, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"no log line names {value}");
        }

        lines.ShouldNotContain(l => l.Contains('@', StringComparison.Ordinal) && l.Contains(".example", StringComparison.Ordinal), "no address of any domain");
    }

    private static Task BriefingsWait(Func<bool> condition, string what) =>
        Briefings.BriefingDeliveryFixture.WaitUntilAsync(() => Task.FromResult(condition()), what);
}
