using CecPortal.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CecPortal.UnitTests.Infrastructure.Web;

/// <summary>
/// The secret-URL rules set a floor for the categories that name request paths: they may raise a configured level to
/// Information, never lower one (a lowered Warning made the portal log six lines per request).
/// </summary>
public sealed class SecretUrlLoggingTests
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    [InlineData("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker")]
    public void PathCategory_ConfiguredWarning_StaysAtWarning(string category)
    {
        // Arrange
        using var services = Services(("Microsoft.AspNetCore", LogLevel.Warning));

        // Act
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        // Assert
        logger.IsEnabled(LogLevel.Information).ShouldBeFalse();
        logger.IsEnabled(LogLevel.Warning).ShouldBeTrue();
    }

    [Fact]
    public void PathCategory_ConfiguredTrace_RaisedToInformation()
    {
        // Arrange
        using var services = Services(("Microsoft.AspNetCore", LogLevel.Trace));

        // Act
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware");

        // Assert
        logger.IsEnabled(LogLevel.Debug).ShouldBeFalse();
        logger.IsEnabled(LogLevel.Information).ShouldBeTrue();
    }

    [Fact]
    public void HostingDiagnostics_ConfiguredTrace_Off()
    {
        // Arrange
        using var services = Services(("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Trace));

        // Act
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        // Assert
        logger.IsEnabled(LogLevel.Critical).ShouldBeFalse();
    }

    private static ServiceProvider Services(params (string Category, LogLevel Level)[] rules)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddProvider(new EverythingProvider());
            foreach (var (category, level) in rules)
            {
                logging.AddFilter(category, level);
            }

            logging.KeepSecretUrlsOutOfLogs();
        });
        return services.BuildServiceProvider();
    }

    /// <summary>A provider that would write everything, so that only the filter rules decide.</summary>
    private sealed class EverythingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new EverythingLogger();

        public void Dispose()
        {
        }

        private sealed class EverythingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
