using System.Collections.Concurrent;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// Feed, calendar, unsubscribe and password links carry their secret in the URL. Even with every log category
/// at Trace (an operator chasing a problem), no log line may contain one.
/// </summary>
public sealed class SecretUrlLoggingTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly SmtpSink _smtp = new();
    private WebApplicationFactory<Program> _factory = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("logs");
        _factory = new PortalFactory(connectionString, _smtp.Port, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Mvc.RazorPages"] = "Trace",
        }).WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(_logs)));
        _ = _factory.Server;
    }

    [Fact]
    public async Task SecretLinks_EveryCategoryAtTrace_NoLogLineHoldsTheSecret()
    {
        // Arrange
        string memberId;
        string feedToken;
        string calendarToken;
        string unsubscribeToken;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            memberId = await TestUsers.CreateAsync(scope.ServiceProvider, new TestUser("secret.links@demo.cec.example", "Secret Links", Roles.Member));
            feedToken = (await scope.ServiceProvider.GetRequiredService<BriefingSubscription>().ReplaceFeedTokenAsync(memberId))!;
            calendarToken = (await scope.ServiceProvider.GetRequiredService<CalendarSubscription>().ReplaceTokenAsync(memberId))!;
            unsubscribeToken = scope.ServiceProvider.GetRequiredService<UnsubscribeTokens>().Create(memberId);
        }

        const string resetCode = "RESET-CODE-THAT-MUST-NOT-BE-LOGGED";
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var cancellationToken = TestContext.Current.CancellationToken;

        // Act
        using (var feed = await client.GetAsync(new Uri("/briefings/feed/" + feedToken, UriKind.Relative), cancellationToken))
        using (var calendar = await client.GetAsync(new Uri(CalendarSubscription.PathOf(calendarToken), UriKind.Relative), cancellationToken))
        using (var unsubscribe = await client.GetAsync(new Uri("/unsubscribe/" + Uri.EscapeDataString(unsubscribeToken), UriKind.Relative), cancellationToken))
        using (var reset = await client.GetAsync(new Uri("/account/reset-password?email=secret.links%40demo.cec.example&code=" + resetCode, UriKind.Relative), cancellationToken))
        {
            // The links work: their secrets reached the pages.
            feed.IsSuccessStatusCode.ShouldBeTrue();
            calendar.IsSuccessStatusCode.ShouldBeTrue();
            unsubscribe.IsSuccessStatusCode.ShouldBeTrue();
            reset.IsSuccessStatusCode.ShouldBeTrue();
        }

        // Assert: the requests were logged in detail, but never their secrets.
        var lines = _logs.Lines.ToList();
        lines.ShouldContain(line => line.Contains("Microsoft.AspNetCore", StringComparison.Ordinal), "Trace logging was on, so the framework must have written something.");
        foreach (var secret in new[] { feedToken, calendarToken, unsubscribeToken, Uri.EscapeDataString(unsubscribeToken), resetCode })
        {
            lines.ShouldNotContain(line => line.Contains(secret, StringComparison.Ordinal), $"A log line holds a secret link's token: {lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// <summary>Keeps every formatted log line, with its category and structured values, in memory.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {Describe(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {Describe(state)} {exception}");

            private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
                : state?.ToString() ?? string.Empty;
        }
    }
}
