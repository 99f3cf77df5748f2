using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Keyboard;

/// <summary>
/// The main journeys with the keyboard only (<see cref="KeyboardUser"/>): the skip link, a visible focus on every stop,
/// no trap and a whole Tab cycle, and refused forms whose errors are announced and lead to their fields.
/// </summary>
public sealed partial class KeyboardJourneyTests(BrowserPortal portal)
{
    [Fact]
    public Task Apply_KeyboardOnly_ErrorsLinkToTheirFieldsAndTheApplicationIsSent() => portal.RunAsync(async page =>
    {
        // Arrange
        var apply = new ApplyPage(page);
        var summary = new ErrorSummary(page);
        var keys = new KeyboardUser(page);
        await apply.GotoAsync();
        await keys.WalkTheWholePageAsync();
        await apply.GotoAsync();
        await keys.SkipToContentAsync();

        // Act: send the empty form
        await keys.TabToAndPressAsync(apply.SubmitButton);

        // Assert: the summary is an alert, takes focus, and each entry leads to a refused field that names its message
        await Expect(summary.Box).ToBeFocusedAsync();
        await Expect(summary.Box).ToHaveAttributeAsync("role", "alert");
        var errors = await LinkedErrorsShouldLeadToTheirFieldsAsync(summary);
        errors.Select(e => e.FieldId).ShouldBe(
            ["Input_FullName", "Input_WorkEmail", "Input_JobTitle", "Input_Organisation", "Input_OrganisationWebsite", "Input_CountryCode", "Input_OrganisationSize", "Input_SectorCode", "Input_Motivation", "Input_Consent"],
            ignoreOrder: true);

        // Act: follow the first link, then fill in the form with Tab, typing, arrows and Space
        await keys.TabAsync();
        await Expect(summary.Links.First).ToBeFocusedAsync();
        await keys.PressAsync("Enter");
        await Expect(page.Locator($"#{errors[0].FieldId}")).ToBeFocusedAsync();
        await page.GotoAsync(ApplyPage.Path);
        await keys.SkipToContentAsync();
        await keys.TabToAndTypeAsync(apply.FullName, "Jonas Keller");
        await keys.TabToAndTypeAsync(apply.WorkEmail, $"jonas.keller.{Guid.NewGuid():N}@keyboard-demo.eu");
        await keys.TabToAndTypeAsync(apply.JobTitle, "Head of Information Security");
        await keys.TabToAndTypeAsync(apply.Organisation, "Keyboard Demo Energie");
        await keys.TabToAndTypeAsync(apply.OrganisationWebsite, "https://www.keyboard-demo.eu");
        await keys.TabToAndChooseAsync(apply.Country, "DE");
        await keys.TabToAndChooseAsync(apply.OrganisationSize, "3");
        await keys.TabToAndChooseAsync(apply.Sector, "energy");
        await keys.TabToAndTypeAsync(apply.Motivation, "I run security for a regional utility and want to compare notes on NIS2 with peers.");
        await keys.TabToAndPressAsync(apply.Consent, "Space");
        await Expect(apply.Consent).ToBeCheckedAsync();
        await keys.TabToAndPressAsync(apply.SubmitButton);

        // Assert
        await Expect(apply.Submitted).ToBeVisibleAsync();
    });

    [Fact]
    public Task SignInWithCode_KeyboardOnly_RefusedCodeIsLinkedThenTheCodeSignsIn() => portal.RunAsync(async page =>
    {
        // Arrange: a member with an authenticator app
        var email = $"keyboard.code.{Guid.NewGuid():N}@browser.example";
        var key = await MemberWithAuthenticatorAsync(email);
        var login = new LoginPage(page);
        var codeField = page.GetByLabel("Code from your authenticator app");
        var summary = new ErrorSummary(page);
        var keys = new KeyboardUser(page);
        await login.GotoAsync();
        await keys.WalkTheWholePageAsync();
        await login.GotoAsync();
        await keys.SkipToContentAsync();

        // Act: email and password, Enter in the password field
        await keys.TabToAndTypeAsync(login.Email, email);
        await keys.TabToAndTypeAsync(login.Password, PortalFactory.DemoPassword);
        await keys.PressAsync("Enter");

        // Act: on the code step, send the code empty
        await Expect(page).ToHaveURLAsync(CodeStepUrl());
        await keys.TabToAndPressAsync(codeField);

        // Assert
        await Expect(summary.Box).ToBeFocusedAsync();
        var errors = await LinkedErrorsShouldLeadToTheirFieldsAsync(summary);
        errors.ShouldHaveSingleItem().FieldId.ShouldBe("Input_Code");
        errors[0].Message.ShouldBe("Enter the 6-digit code from your authenticator app.");

        // Act: the link leads to the field; type the code
        await keys.TabAsync();
        await keys.PressAsync("Enter");
        await Expect(codeField).ToBeFocusedAsync();
        await keys.TypeAsync(TotpCodes.At(key, DateTimeOffset.UtcNow));
        await keys.PressAsync("Enter");

        // Assert
        await Expect(new LayoutNav(page).SignedInAs).ToHaveTextAsync(email);
    });

    [Fact]
    public Task ReadAndSearchBriefings_KeyboardOnly_OpensTheEditionAndFindsItAgain() => portal.RunAsync(
        async page =>
        {
            // Arrange
            const string title = "Keyboard-only reading of the briefing";
            var date = await AddBriefingAsync(title, "The quillwort campaign targets VPN appliances.");
            var briefings = new BriefingsPage(page);
            var keys = new KeyboardUser(page);
            await briefings.GotoAsync();
            await keys.WalkTheWholePageAsync();
            await briefings.GotoAsync();
            await keys.SkipToContentAsync();

            // Act: open the edition from the archive
            await keys.TabToAndPressAsync(briefings.ArchiveLink(title));

            // Assert
            await Expect(page).ToHaveURLAsync(new Regex($"/briefings/{date.ToRouteValue()}$"));
            await Expect(briefings.Title).ToHaveTextAsync(title);
            await keys.WalkTheWholePageAsync();

            // Act: search for a word of it
            await briefings.GotoAsync();
            await keys.SkipToContentAsync();
            await keys.TabToAndTypeAsync(briefings.SearchBox, "quillwort");
            await keys.PressAsync("Enter");

            // Assert: found, and the result opens with Enter
            var result = briefings.Result(title);
            await Expect(result).ToBeVisibleAsync();
            await keys.SkipToContentAsync();
            await keys.TabToAndPressAsync(result.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
            await Expect(briefings.Title).ToHaveTextAsync(title);

            // Act: dates typed in the wrong order (day, month and year, as the date field takes them)
            var summary = new ErrorSummary(page);
            await briefings.GotoAsync();
            await keys.SkipToContentAsync();
            await keys.TabToAndTypeAsync(page.GetByLabel("From", new() { Exact = true }), "10102030");
            await keys.TabToAndTypeAsync(page.GetByLabel("To", new() { Exact = true }), "01012030");
            await keys.PressAsync("Enter");

            // Assert: the search form's problem is announced and leads to the field
            await Expect(summary.Box).ToBeFocusedAsync();
            var errors = await LinkedErrorsShouldLeadToTheirFieldsAsync(summary);
            errors.ShouldHaveSingleItem().FieldId.ShouldBe("from");
            await Expect(page.GetByLabel("To", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        },
        signedInAs: PortalFactory.MemberEmail);

    [Fact]
    public async Task PostInAChannel_KeyboardOnly_ErrorsLinkedThenTheTopicStartsAndLiveRepliesArriveInThePoliteLog()
    {
        // Arrange
        var email = $"keyboard.poster.{Guid.NewGuid():N}@browser.example";
        await CreateMemberAsync(email, "Keyboard Poster");
        var replierId = await CreateMemberAsync($"keyboard.replier.{Guid.NewGuid():N}@browser.example", "Rita Replier");
        await portal.RunAsync(
            async page =>
            {
                var sharing = new SharingPages(page);
                var topicForm = page.GetByTestId("topic-form");
                var subject = topicForm.GetByLabel("Subject");
                var body = topicForm.GetByTestId("compose-body");
                var start = topicForm.GetByRole(AriaRole.Button, new() { Name = "Start the topic" });
                var summary = new ErrorSummary(page);
                var keys = new KeyboardUser(page);
                await sharing.OpenChannelAsync("community");
                await keys.WalkTheWholePageAsync();
                await sharing.OpenChannelAsync("community");
                await keys.SkipToContentAsync();

                // Act: start a topic with nothing in it
                await keys.TabToAndPressAsync(start);

                // Assert
                await Expect(summary.Box).ToBeFocusedAsync();
                var errors = await LinkedErrorsShouldLeadToTheirFieldsAsync(summary);
                errors.Select(e => e.FieldId).ShouldBe(["Input_Subject", "Input_Body"], ignoreOrder: true);

                // Act: follow the links and type the topic
                await keys.TabToAndPressAsync(summary.Links.Filter(new() { HasText = errors.Single(e => e.FieldId == "Input_Subject").Text }));
                await Expect(subject).ToBeFocusedAsync();
                await keys.TypeAsync("Keyboard-only phishing wave");
                await keys.TabToAndTypeAsync(body, "Anyone else seeing the **invoice** lure?");
                await keys.TabToAndPressAsync(start);

                // Assert: the topic page, its messages in a polite log
                await Expect(page.GetByTestId("topic-subject")).ToHaveTextAsync("Keyboard-only phishing wave");
                await Expect(sharing.MessageLog).ToHaveAttributeAsync("aria-live", "polite");
                await Expect(sharing.MessageLog.GetByTestId("message")).ToHaveCountAsync(1);
                await Expect(page).ToHaveURLAsync(NewMessageUrl());

                // Act: the topic page from its own address (the redirect's #message fragment sets where Tab starts), then
                // someone replies while it is open
                var topicId = Guid.Parse(new Uri(page.Url).Segments.Last());
                await sharing.OpenTopicAsync(topicId);
                await keys.WalkTheWholePageAsync();
                await ReplyAsync(replierId, topicId, "Yes, since Monday.");

                // Assert: the reply arrives inside the polite log
                await Expect(sharing.MessageLog.GetByTestId("message")).ToHaveCountAsync(2);
                await Expect(sharing.MessageLog.GetByTestId("message").Last.GetByTestId("author")).ToHaveTextAsync("Rita Replier");
            },
            signedInAs: email);
    }

    [Fact]
    public async Task RegisterForAWebinar_KeyboardOnly_OpensTheSessionAndRegisters()
    {
        // Arrange
        const string title = "Keyboard-only tabletop exercise";
        await AddSessionAsync(title, new DateOnly(2031, 3, 11));
        var email = $"keyboard.webinar.{Guid.NewGuid():N}@browser.example";
        await CreateMemberAsync(email, "Keyboard Attendee");
        await portal.RunAsync(
            async page =>
            {
                var webinars = new WebinarsPage(page);
                var keys = new KeyboardUser(page);
                await webinars.GotoAsync();
                await keys.WalkTheWholePageAsync();
                await webinars.GotoAsync();
                await keys.SkipToContentAsync();

                // Act
                await keys.TabToAndPressAsync(page.GetByTestId("upcoming").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
                await keys.WalkTheWholePageAsync();
                await keys.TabToAndPressAsync(page.GetByTestId("register-form").GetByRole(AriaRole.Button, new() { Name = "Register" }));

                // Assert
                await Expect(webinars.StatusMessage).ToHaveTextAsync("You are registered. The meeting link is below.");
                await Expect(webinars.PlaceStatus).ToHaveTextAsync("You are registered.");
            },
            signedInAs: email);
    }

    [Fact]
    public async Task AnswerAConsultation_KeyboardOnly_MissingAnswerLinkedThenSubmitted()
    {
        // Arrange
        var email = $"keyboard.consultation.{Guid.NewGuid():N}@browser.example";
        await CreateMemberAsync(email, "Keyboard Respondent", "IE", "manufacturing");
        var id = await OpenConsultationAsync();
        await portal.RunAsync(
            async page =>
            {
                var consultation = new ConsultationPage(page);
                var summary = new ErrorSummary(page);
                var keys = new KeyboardUser(page);
                var first = consultation.Option("When should reporting start?", "Within 72 hours");
                var second = consultation.Option("When should reporting start?", "Within 24 hours");
                await page.GotoAsync($"/consultations/{id}");
                await keys.WalkTheWholePageAsync();
                await page.GotoAsync($"/consultations/{id}");
                await keys.SkipToContentAsync();

                // Act: submit without the required answer
                await keys.TabToAndPressAsync(consultation.SubmitButton);

                // Assert
                await Expect(summary.Box).ToBeFocusedAsync();
                var errors = await LinkedErrorsShouldLeadToTheirFieldsAsync(summary);
                errors.ShouldHaveSingleItem().Text.ShouldContain("Question 1 needs an answer");

                // Act: the link leads to the question's first option; arrows choose, the text is typed, Enter submits
                await keys.TabAsync();
                await keys.PressAsync("Enter");
                await Expect(first).ToBeFocusedAsync();
                await keys.PressAsync("Space");
                await keys.PressAsync("ArrowDown");
                await Expect(second).ToBeCheckedAsync();
                await keys.TabToAndTypeAsync(page.GetByLabel("Your answer to question 2"), "One reporting platform for the whole Union.");
                await keys.TabToAndPressAsync(consultation.SubmitButton);

                // Assert
                await Expect(consultation.StatusMessage).ToContainTextAsync("your answers are submitted");
            },
            signedInAs: email);
    }

    /// <summary>Every linked entry names a field that exists, is marked invalid and is described by that same message.</summary>
    private static async Task<IReadOnlyList<LinkedError>> LinkedErrorsShouldLeadToTheirFieldsAsync(ErrorSummary summary)
    {
        var errors = await summary.LinkedErrorsAsync();
        errors.ShouldNotBeEmpty("The summary has no links to fields.");
        foreach (var error in errors)
        {
            error.FieldFound.ShouldBeTrue($"The summary links to #{error.FieldId}, which is not on the page.");
            error.AriaInvalid.ShouldBe("true", $"#{error.FieldId} is not marked aria-invalid.");
            error.Message.ShouldNotBeNull($"#{error.FieldId} has no aria-describedby.");
            error.Message.ShouldContain(error.Text, Case.Sensitive, $"#{error.FieldId} is not described by its error.");
        }

        return errors;
    }

    private async Task<string> CreateMemberAsync(string email, string name, string countryCode = "FR", string sectorCode = "energy") =>
        await TestUsers.CreateAsync(portal.Services, new TestUser(email, name, Roles.Member)
        {
            CountryCode = countryCode,
            SectorCode = sectorCode,
            Password = PortalFactory.DemoPassword,
        });

    /// <summary>A member with two-step sign-in on; returns the authenticator key an app would hold.</summary>
    private async Task<string> MemberWithAuthenticatorAsync(string email)
    {
        await CreateMemberAsync(email, "Keyboard Coder");
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
        return key;
    }

    /// <summary>A published edition on a free far-future date, so it leads the archive whatever other tests add.</summary>
    private Task<DateOnly> AddBriefingAsync(string title, string markdown) => portal.WithDbAsync(async db =>
    {
        var editorId = await db.Users.Where(u => u.Email == PortalFactory.EditorEmail).Select(u => u.Id).SingleAsync();
        var date = new DateOnly(2098, 3, 2);
        while (await db.Briefings.AnyAsync(b => b.EditionDate == date))
        {
            date = date.AddDays(1);
        }

        var now = DateTimeOffset.UtcNow;
        var briefing = Briefing.Create(date, new BriefingContent(title, markdown, new MarkdownRenderer().Render(markdown), TlpLabel.Green, []), editorId, now);
        briefing.Publish(now);
        db.Briefings.Add(briefing);
        await db.SaveChangesAsync();
        return date;
    });

    private async Task ReplyAsync(string authorId, Guid topicId, string body)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessageWriter>().ReplyAsync(authorId, topicId, body, null, CancellationToken.None);
    }

    /// <summary>A session at 15:00 Brussels time on <paramref name="date"/>, in a paused one-off series of its own.</summary>
    private Task<Guid> AddSessionAsync(string title, DateOnly date) => portal.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var rule = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(60));
        var series = WebinarSeries.Create(title, rule, 50, now);
        series.Pause();
        var session = WebinarSession.Plan(series, WallClock.ToUtc(date, new TimeOnly(15, 0), brussels), now);
        const string abstractMarkdown = "Members walk through a ransomware scenario.";
        session.Describe(title, abstractMarkdown, new MarkdownRenderer().Render(abstractMarkdown), TlpLabel.Green, "https://meet.example/cec", 50, now);
        db.AddRange(series, session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    private async Task<Guid> OpenConsultationAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policyId = await db.Users.Where(u => u.Email == PortalFactory.PolicyEmail).Select(u => u.Id).SingleAsync();
        var admin = scope.ServiceProvider.GetRequiredService<ConsultationAdministration>();
        var staff = new Actor(policyId, PortalFactory.PolicyEmail);
        var id = await admin.CreateAsync(
            new ConsultationDetails("NIS2: keyboard-only reporting windows", "ENISA", "NIS2, Article 23", "When should entities report?", DateTimeOffset.UtcNow.AddDays(10), ConsultationMode.Anonymous, ["manufacturing"], ["IE"]),
            staff,
            CancellationToken.None);
        await admin.AddQuestionAsync(id, QuestionKind.SingleChoice, "When should reporting start?", ["Within 72 hours", "Within 24 hours"], required: true, staff, CancellationToken.None);
        await admin.AddQuestionAsync(id, QuestionKind.FreeText, "What should ENISA hear?", [], required: false, staff, CancellationToken.None);
        await admin.OpenAsync(id, staff, CancellationToken.None);
        return id;
    }

    [GeneratedRegex("/sharing/t/[0-9a-f-]{36}#")]
    private static partial Regex NewMessageUrl();

    [GeneratedRegex("/account/login/code")]
    private static partial Regex CodeStepUrl();
}
