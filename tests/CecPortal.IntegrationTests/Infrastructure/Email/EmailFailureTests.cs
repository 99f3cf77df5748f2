using System.Net;
using System.Net.Sockets;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Email;

/// <summary>When the SMTP server is down, nothing is lost: the message waits, the error is recorded and staff see it.</summary>
public sealed class EmailFailureTests : IAsyncLifetime
{
    private PortalFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("mailfail");
        _factory = new PortalFactory(connectionString, ClosedPort());
    }

    [Fact]
    public async Task Delivery_WhenSmtpServerIsDown_KeepsMessageRecordsErrorAndShowsItToStaff()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string email = "m.virtanen@demo.cec.example";

        using var request = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        // The reset email is queued after the response (the same answer and time with or without an account): wait for its row.
        var record = await EmailDeliveryTests.WaitForAsync(
            () => WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleOrDefaultAsync(e => e.To == email)),
            r => r?.LastError is not null);

        record.ShouldNotBeNull();
        record.SentAt.ShouldBeNull();
        record.Attempts.ShouldBeGreaterThanOrEqualTo(1);
        record.LastError!.ShouldContain("Socket");
        record.TextBody.ShouldNotBeNull("the message is kept for the retry");

        using var admin = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dashboard = await admin.GetDocumentAsync("/admin");
        dashboard.QuerySelector("[data-testid=admin-figures]")!.TextContent.ShouldContain("Emails with delivery errors");
        dashboard.QuerySelector(".text-danger")!.TextContent.Trim().ShouldBe("1");
        var retries = await admin.GetDocumentAsync("/admin/jobs/jobs/scheduled");
        retries.Body!.TextContent.ShouldContain("DeliverEmailJob");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
