using System.Diagnostics;
using AngleSharp.Html.Parser;
using CecPortal.Web.Features.Consultations.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using static CecPortal.UnitTests.Consultations.ResultsTestData;

namespace CecPortal.UnitTests.Consultations;

/// <summary>The results partial rendered on its own, through MVC's view engine with the portal's compiled views.</summary>
public sealed class ConsultationResultsPartialTests
{
    private const string Partial = "/Features/Consultations/Results/_ConsultationResults.cshtml";

    [Fact]
    public async Task Render_Report_ShowsEveryQuestionWithItsTablesAndOnlyPublishedGroups()
    {
        // Arrange: banking (2) must not appear anywhere; everyone wrote a comment.
        var responses = Many(6, "DE", "energy").Concat(Many(5, "DE", "health", choice: 1)).Concat(Many(6, "FR", "energy")).Concat(Many(2, "FR", "banking", choice: 2))
            .Select((r, i) => r with { Answers = new Dictionary<Guid, ResultAnswer>(r.Answers) { [Readiness.Id] = new([i % 5], null), [Comments.Id] = new([], $"Remark <b>{i}</b>") } })
            .ToList();
        var report = Compute(responses);

        // Act
        var html = await RenderAsync(report);

        // Assert
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("[data-testid=results-respondents] strong")!.TextContent.ShouldBe("19");
        document.QuerySelectorAll("[data-testid=question-result]").Length.ShouldBe(4);
        document.QuerySelectorAll("[data-testid=question-result] [data-testid=question-result], .consultation-breakdown .consultation-breakdown").ShouldBeEmpty();
        document.QuerySelectorAll("[data-testid=question-result] h3").Select(h => h.TextContent).ShouldBe(
            ["1. Should the threshold be lowered?", "2. Which acts matter most?", "3. How ready are you?", "4. Anything else?"]);
        html.ShouldNotContain("banking");
        document.QuerySelectorAll("[data-sector]").Select(e => e.GetAttribute("data-sector")).ShouldAllBe(s => s == "energy" || s == "health" || s == string.Empty);
        document.QuerySelectorAll("svg[role=img]").Length.ShouldBeGreaterThan(3);
        document.QuerySelectorAll("[data-testid=free-text] li").Select(li => li.TextContent).ShouldContain("Remark <b>3</b>");
        document.QuerySelectorAll("[data-testid=free-text] b").ShouldBeEmpty();
        var first = document.QuerySelector("[data-testid=question-result] [data-testid=overall]")!;
        first.QuerySelectorAll("[data-testid=count]").Select(c => c.TextContent).ShouldBe(["12", "5", "2"]);
    }

    [Fact]
    public async Task Render_FewerThanK_ShowsOnlyThatFact()
    {
        // Arrange
        var report = Compute(Many(4, "DE", "energy"));

        // Act
        var html = await RenderAsync(report);

        // Assert
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("[data-testid=results-too-few]")!.TextContent.ShouldContain("Fewer than 5 members answered");
        document.QuerySelectorAll("table, svg, [data-testid=question-result]").ShouldBeEmpty();
        html.ShouldNotContain("4");
    }

    private static async Task<string> RenderAsync(ResultsReport report)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IWebHostEnvironment>(new Environment());
        services.AddSingleton(new DiagnosticListener("Microsoft.AspNetCore"));
        services.AddSingleton<DiagnosticSource>(p => p.GetRequiredService<DiagnosticListener>());
        services.AddLogging();
        services.AddRazorPages().AddApplicationPart(typeof(ResultsReport).Assembly);
        await using var provider = services.BuildServiceProvider();

        var http = new DefaultHttpContext { RequestServices = provider };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var view = provider.GetRequiredService<IRazorViewEngine>().GetView(null, Partial, isMainPage: false);
        view.Success.ShouldBeTrue(string.Join("; ", view.SearchedLocations));
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<ResultsReport>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = report };
        var tempData = new TempDataDictionary(http, provider.GetRequiredService<ITempDataProvider>());
        await view.View.RenderAsync(new ViewContext(action, view.View, viewData, tempData, writer, new HtmlHelperOptions()));
        return writer.ToString();
    }

    private sealed class Environment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = typeof(ResultsReport).Assembly.GetName().Name!;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public string EnvironmentName { get; set; } = "Production";
    }
}
