using CecPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CecPortal.UnitTests.Infrastructure.Email;

public sealed class EmailSecurityDefaultTests
{
    [Theory]
    [InlineData("Production", null, SmtpSecurity.StartTls)]
    [InlineData("Staging", null, SmtpSecurity.StartTls)]
    [InlineData("Development", null, SmtpSecurity.Auto)]
    [InlineData("Production", "None", SmtpSecurity.None)]
    [InlineData("Production", "SslOnConnect", SmtpSecurity.SslOnConnect)]
    [InlineData("Development", "StartTls", SmtpSecurity.StartTls)]
    public void Security_InEnvironment_StartTlsRequiredOutsideDevelopmentUnlessConfigured(string environment, string? configured, SmtpSecurity expected)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Host"] = "smtp.cec.example",
            ["Email:Security"] = configured,
        }).Build();
        var services = new ServiceCollection();
        services.AddPortalEmail(configuration, new Environment(environment));
        using var provider = services.BuildServiceProvider();

        // Act
        var security = provider.GetRequiredService<IOptions<EmailOptions>>().Value.Security;

        // Assert
        security.ShouldBe(expected);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CecPortal.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
