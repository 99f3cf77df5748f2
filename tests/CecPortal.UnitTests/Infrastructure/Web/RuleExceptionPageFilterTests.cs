using CecPortal.Web.Data;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class RuleExceptionPageFilterTests : IDisposable
{
    private readonly AppDbContext _db = new(DesignTimeDbContextFactory.StandaloneOptions("Host=127.0.0.1;Database=never-opened"));

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Handler_ThrowsRuleException_ReshowsPageWithMessageUnderItsFieldTypedInputKeptAndChangeDropped()
    {
        // Arrange: a handler that started a change, then hit a rule
        var page = new FormPage { Typed = "what the person typed" };
        _db.Users.Add(new PortalUser(new ProfileDetails("Half-written", null, null, null, null, HiddenFromDirectory: false), DateTimeOffset.UnixEpoch));

        // Act
        var executed = await RunAsync(page, new WebinarRuleException("The date is in the past."));
        var withField = await RunAsync(new FormPage(), new ProbeRuleException("Input.Date", "Pick a later date."));

        // Assert
        executed.ExceptionHandled.ShouldBeTrue();
        executed.Result.ShouldBeOfType<PageResult>();
        page.ModelState[string.Empty]!.Errors.Single().ErrorMessage.ShouldBe("The date is in the past.");
        page.Typed.ShouldBe("what the person typed");
        _db.ChangeTracker.Entries().ShouldBeEmpty();
        ((FormPage)withField.HandlerInstance).ModelState["Input.Date"]!.Errors.Single().ErrorMessage.ShouldBe("Pick a later date.");
    }

    [Fact]
    public async Task Handler_ThrowsRuleExceptionOnReloadingPage_LoadsWhatThePageShowsBeforeReshowing()
    {
        // Arrange
        var page = new ReloadingPage();

        // Act
        var executed = await RunAsync(page, new WebinarRuleException("Full."));

        // Assert
        executed.Result.ShouldBeOfType<PageResult>();
        page.Reloaded.ShouldBeTrue();
    }

    [Fact]
    public async Task Handler_ThrowsOtherException_LeavesItUnhandled()
    {
        // Arrange
        var page = new FormPage();

        // Act
        var executed = await RunAsync(page, new InvalidOperationException("A bug."));

        // Assert
        executed.ExceptionHandled.ShouldBeFalse();
        executed.Result.ShouldBeNull();
        page.ModelState.ErrorCount.ShouldBe(0);
    }

    private async Task<PageHandlerExecutedContext> RunAsync(PageModel page, Exception thrown)
    {
        var services = new ServiceCollection().AddSingleton(_db).BuildServiceProvider();
        var pageContext = new PageContext(new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new CompiledPageActionDescriptor()));
        page.PageContext = pageContext;
        var handler = new HandlerMethodDescriptor();
        var executing = new PageHandlerExecutingContext(pageContext, [], handler, new Dictionary<string, object?>(), page);
        var executed = new PageHandlerExecutedContext(pageContext, [], handler, page) { Exception = thrown };

        await new RuleExceptionPageFilter().OnPageHandlerExecutionAsync(executing, () => Task.FromResult(executed));
        return executed;
    }

    private sealed class ProbeRuleException(string field, string message) : RuleException(message, field);

    private class FormPage : PageModel
    {
        public string? Typed { get; set; }
    }

    private sealed class ReloadingPage : FormPage, IReloadAfterRefusal
    {
        public bool Reloaded { get; private set; }

        public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
        {
            Reloaded = true;
            return Task.CompletedTask;
        }
    }
}
