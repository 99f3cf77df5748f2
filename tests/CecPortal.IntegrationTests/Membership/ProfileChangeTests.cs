using System.Globalization;
using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using static CecPortal.IntegrationTests.Membership.MembershipTestKit;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>
/// Light re-vetting: a member's change of organisation, country or sector waits for one vetter covering the new country
/// or sector; until then the profile, the directory and the channels keep the previous values.
/// </summary>
public sealed class ProfileChangeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostDetails_MemberChangesOrganisation_WaitsForAVetterWhileTheDirectoryShowsTheOldOne()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Aila Aho", "aho-energia.example", "FI", "energy");
        using var member = await SignedInAsync(email);
        using var reader = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var saved = await member.SubmitFormAsync("/profile", Details("Aila Aho", "Group CISO", "Pohjola Verkko", "FI", "energy", "https://www.pohjola-verkko.example"), "[data-testid=details-form]");
        var profile = await member.GetDocumentAsync("/profile");
        var directory = await reader.GetDocumentAsync("/members?country=FI");

        // Assert: the job title changed at once; the organisation waits
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await StoredAsync(id);
        (stored.JobTitle, stored.Organisation).ShouldBe(("Group CISO", "Aila Aho Oy"));
        var review = await PendingAsync(id);
        (review.OldOrganisation, review.NewOrganisation, review.OrganisationWebsite).ShouldBe(("Aila Aho Oy", "Pohjola Verkko", "https://www.pohjola-verkko.example"));
        profile.QuerySelector("[data-testid=pending-profile-change]")!.TextContent.ShouldContain("Pohjola Verkko");
        profile.QuerySelector("#Details_Organisation")!.GetAttribute("value").ShouldBe("Pohjola Verkko", "the form shows what was asked for, so saving another field keeps the change");
        directory.DocumentElement.TextContent.ShouldContain("Aila Aho Oy");
        directory.DocumentElement.TextContent.ShouldNotContain("Pohjola Verkko");
        (await AuditActionsAsync(id)).ShouldContain(ProfileChangeReviews.RequestedAction);
    }

    [Fact]
    public async Task Confirm_VetterCoveringOnlyTheOldCountry_NotFoundAndNothingApplied()
    {
        // Arrange: the member moves from Finland to Sweden; this vetter covers Finland and banking only
        var (id, email) = await AddMemberAsync("Bertil Bask", "bask.example", "FI", "energy");
        await RequestAsync(email, Details("Bertil Bask", "CISO", "Bertil Bask Oy", "SE", "energy", ""));
        var reviewId = (await PendingAsync(id)).Id;
        const string vetterEmail = "old-country.vetter@demo.cec.example";
        await CreateVetterAsync(portal, vetterEmail, ["FI"], ["banking"]);
        using var vetter = await portal.SignedInClientAsync(vetterEmail);

        // Act
        using var get = await vetter.GetAsync(new Uri($"/admin/vetting/profile-changes/{reviewId}", UriKind.Relative), Token);
        using var confirm = await vetter.PostAsync($"/admin/vetting/profile-changes/{reviewId}?handler=Confirm", new Dictionary<string, string>(), "/admin/vetting");
        var list = await vetter.GetDocumentAsync("/admin/vetting/profile-changes");

        // Assert
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        confirm.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.QuerySelector($"a[href='/admin/vetting/profile-changes/{reviewId}']").ShouldBeNull();
        (await StoredAsync(id)).CountryCode.ShouldBe("FI");
        (await PendingAsync(id)).Status.ShouldBe(ProfileReviewStatus.Pending);
    }

    [Fact]
    public async Task Confirm_VetterCoveringTheNewCountry_AppliesTheChangeMovesTheChannelsAndTellsTheMember()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Cilla Carlsson", "carlsson.example", "FI", "energy");
        await RequestAsync(email, Details("Cilla Carlsson", "CISO", "Cilla Carlsson Oy", "SE", "transport", ""));
        var reviewId = (await PendingAsync(id)).Id;
        var channelsBefore = await CountryAndSectorChannelsAsync(id);
        const string vetterEmail = "new-country.vetter@demo.cec.example";
        await CreateVetterAsync(portal, vetterEmail, ["SE"], []);
        using var vetter = await portal.SignedInClientAsync(vetterEmail);

        // Act
        var page = await vetter.GetDocumentAsync($"/admin/vetting/profile-changes/{reviewId}");
        using var confirm = await vetter.SubmitFormAsync($"/admin/vetting/profile-changes/{reviewId}?handler=Confirm", new Dictionary<string, string> { ["Input.Note"] = "Checked on the company register." });
        var after = await vetter.GetDocumentAsync($"/admin/vetting/profile-changes/{reviewId}");
        var waiting = await vetter.GetDocumentAsync("/admin/vetting/profile-changes");
        var confirmed = await vetter.GetDocumentAsync("/admin/vetting/profile-changes?status=Confirmed");

        // Assert
        page.QuerySelector("[data-testid=actions]").ShouldNotBeNull();
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await StoredAsync(id);
        (stored.CountryCode, stored.SectorCode, stored.Organisation).ShouldBe(("SE", "transport", "Cilla Carlsson Oy"));
        channelsBefore.ShouldBe(["energy", "FI"], ignoreOrder: true);
        (await CountryAndSectorChannelsAsync(id)).ShouldBe(["transport", "SE"], ignoreOrder: true);
        after.QuerySelector("[data-testid=change-status]")!.TextContent.ShouldBe("Confirmed");
        after.QuerySelector("[data-testid=actions]").ShouldBeNull();
        waiting.QuerySelector($"a[href='/admin/vetting/profile-changes/{reviewId}']").ShouldBeNull();
        confirmed.QuerySelector($"a[href='/admin/vetting/profile-changes/{reviewId}']").ShouldNotBeNull();
        confirmed.QuerySelector("[data-testid=profile-changes]")!.TextContent.ShouldContain("by Nora Narrow");
        var review = await ReviewAsync(reviewId);
        (review.Status, review.DecidedByName, review.Note).ShouldBe((ProfileReviewStatus.Confirmed, "Nora Narrow", "Checked on the company register."));
        (await AuditActionsAsync(id)).ShouldContain(ProfileChangeReviews.ConfirmedAction);
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Your profile change is confirmed");
    }

    [Fact]
    public async Task Refuse_WithoutAReason_ReshowsTheFormAndDecidesNothing()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Dag Dahl", "dahl.example", "FI", "energy");
        await RequestAsync(email, Details("Dag Dahl", "CISO", "Dahl Kraft Oy", "FI", "energy", "https://dahl-kraft.example"));
        var reviewId = (await PendingAsync(id)).Id;
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var refuse = await admin.SubmitFormAsync($"/admin/vetting/profile-changes/{reviewId}?handler=Refuse", new Dictionary<string, string> { ["Input.Reason"] = "  ", ["Input.Note"] = "Kept as typed" });
        var page = await refuse.ReadDocumentAsync();

        // Assert
        refuse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=reason-error]")!.TextContent.ShouldBe("Give the reason the member will read.");
        page.QuerySelector("#Input_Note")!.TextContent.ShouldBe("Kept as typed");
        (await PendingAsync(id)).Status.ShouldBe(ProfileReviewStatus.Pending);
    }

    [Fact]
    public async Task Refuse_WithAReason_OldValuesStayAndTheMemberReadsWhyOnTheProfileAndByEmail()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Edda Eik", "eik.example", "FI", "energy");
        using var member = await SignedInAsync(email);
        using var saved = await member.SubmitFormAsync("/profile", Details("Edda Eik", "CISO", "Eik Shipping", "FI", "transport", "https://eik-shipping.example"), "[data-testid=details-form]");
        var reviewId = (await PendingAsync(id)).Id;
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var refuse = await admin.SubmitFormAsync($"/admin/vetting/profile-changes/{reviewId}?handler=Refuse", new Dictionary<string, string> { ["Input.Reason"] = "We could not find you at Eik Shipping." });
        var profile = await member.GetDocumentAsync("/profile");

        // Assert
        refuse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await StoredAsync(id);
        (stored.Organisation, stored.SectorCode).ShouldBe(("Edda Eik Oy", "energy"));
        profile.QuerySelector("[data-testid=refusal-reason]")!.TextContent.ShouldBe("We could not find you at Eik Shipping.");
        profile.QuerySelector("[data-testid=pending-profile-change]").ShouldBeNull();
        profile.QuerySelector("#Details_Organisation")!.GetAttribute("value").ShouldBe("Edda Eik Oy");
        var mail = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Your profile change was not confirmed");
        mail.TextBody!.ShouldContain("We could not find you at Eik Shipping.");
        (await AuditActionsAsync(id)).ShouldContain(ProfileChangeReviews.RefusedAction);
    }

    [Fact]
    public async Task PostDetails_FreeMailMemberMovesToAnotherOrganisation_FlagsFreeMail()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Frida Fors", "gmail.com", "FI", "energy");

        // Act
        await RequestAsync(email, Details("Frida Fors", "CISO", "Fors Data", "FI", "energy", "https://fors-data.example"));

        // Assert
        (await PendingAsync(id)).Flags.Select(f => f.Kind).ShouldBe([FlagKind.FreeMailAddress]);
    }

    [Fact]
    public async Task PostDetails_NewOrganisationWebsiteOnAnotherDomain_FlagsTheMismatchAndAMatchingOneDoesNot()
    {
        // Arrange
        var (mismatchId, mismatchEmail) = await AddMemberAsync("Gro Gran", "old-employer.example", "FI", "energy");
        var (matchId, matchEmail) = await AddMemberAsync("Hege Holm", "holm-group.example", "FI", "energy");

        // Act
        await RequestAsync(mismatchEmail, Details("Gro Gran", "Plant manager", "New Employer Oy", "FI", "energy", "https://www.new-employer.example"));
        await RequestAsync(matchEmail, Details("Hege Holm", "CISO", "Holm Group", "FI", "energy", "https://holm-group.example"));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var review = await PendingAsync(mismatchId);
        var page = await admin.GetDocumentAsync($"/admin/vetting/profile-changes/{review.Id}");

        // Assert
        review.Flags.Select(f => f.Kind).ShouldBe([FlagKind.EmailDomainMismatch, FlagKind.JobTitleNotSecurityLeadership], ignoreOrder: true);
        (await PendingAsync(matchId)).Flags.ShouldBeEmpty();
        page.QuerySelector("[data-testid=flags]")!.TextContent.ShouldContain("The email domain (old-employer.example) differs from the organisation website (new-employer.example).");
    }

    [Fact]
    public async Task PostDetails_NewOrganisationWithoutOrWithAnUnreadableWebsite_RefusedAsTypedAndNothingSaved()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Ivar Isaksen", "isaksen.example", "FI", "energy");
        using var member = await SignedInAsync(email);

        // Act
        using var missing = await member.SubmitFormAsync("/profile", Details("Ivar Isaksen", "Deputy CISO", "Isaksen Nett", "FI", "energy", ""), "[data-testid=details-form]");
        var missingPage = await missing.ReadDocumentAsync();
        using var unreadable = await member.SubmitFormAsync("/profile", Details("Ivar Isaksen", "Deputy CISO", "Isaksen Nett", "FI", "energy", "not a website"), "[data-testid=details-form]");
        var unreadablePage = await unreadable.ReadDocumentAsync();

        // Assert
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        missingPage.QuerySelector("[data-testid=website-error]")!.TextContent.ShouldBe("Give your new organisation's website, so that the vetter can check it.");
        missingPage.QuerySelector("#Details_Organisation")!.GetAttribute("value").ShouldBe("Isaksen Nett");
        unreadablePage.QuerySelector("[data-testid=website-error]")!.TextContent.ShouldBe("Enter the website as a web address, for example https://www.example.eu.");
        unreadablePage.QuerySelector("#Details_OrganisationWebsite")!.GetAttribute("value").ShouldBe("not a website");
        var stored = await StoredAsync(id);
        (stored.JobTitle, stored.Organisation).ShouldBe(("CISO", "Ivar Isaksen Oy"));
        (await portal.WithDbAsync(db => db.ProfileReviews.CountAsync(r => r.UserId == id, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task PostDetails_SecondChangeWhileOneWaits_ReplacesItAndTypingTheOldValuesCancelsIt()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Jon Jarl", "jarl.example", "FI", "energy");
        await RequestAsync(email, Details("Jon Jarl", "CISO", "Jon Jarl Oy", "SE", "energy", ""));

        // Act
        await RequestAsync(email, Details("Jon Jarl", "CISO", "Jon Jarl Oy", "NO", "energy", ""));
        var afterSecond = await portal.WithDbAsync(db => db.ProfileReviews.AsNoTracking().Where(r => r.UserId == id).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToListAsync(Token));
        await RequestAsync(email, Details("Jon Jarl", "CISO", "Jon Jarl Oy", "FI", "energy", ""));
        var afterRevert = await portal.WithDbAsync(db => db.ProfileReviews.AsNoTracking().Where(r => r.UserId == id).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Select(r => r.Status).ToListAsync(Token));

        // Assert
        afterSecond.Select(r => (r.Status, r.NewCountryCode)).ShouldBe([(ProfileReviewStatus.Replaced, "SE"), (ProfileReviewStatus.Pending, "NO")]);
        afterRevert.ShouldBe([ProfileReviewStatus.Replaced, ProfileReviewStatus.Cancelled]);
        (await StoredAsync(id)).CountryCode.ShouldBe("FI");
    }

    [Fact]
    public async Task CancelProfileChange_FromTheProfile_ClosesTheWaitingChange()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Kai Kallio", "kallio.example", "FI", "energy");
        using var member = await SignedInAsync(email);
        using var saved = await member.SubmitFormAsync("/profile", Details("Kai Kallio", "CISO", "Kai Kallio Oy", "FI", "banking", ""), "[data-testid=details-form]");

        // Act
        using var cancel = await member.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=cancel-profile-change-form]");
        var profile = await member.GetDocumentAsync("/profile");

        // Assert
        cancel.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.ProfileReviews.Where(r => r.UserId == id).Select(r => r.Status).SingleAsync(Token))).ShouldBe(ProfileReviewStatus.Cancelled);
        profile.QuerySelector("[data-testid=pending-profile-change]").ShouldBeNull();
        (await AuditActionsAsync(id)).ShouldContain(ProfileChangeReviews.CancelledAction);
    }

    [Fact]
    public async Task PostDetails_StaffAccountWithoutTheMemberRole_ChangesAtOnce()
    {
        // Arrange
        var email = $"{Guid.NewGuid():N}@staff-profile.example";
        var id = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Lena Lund", Roles.Editor)
        {
            JobTitle = "Editor",
            Organisation = "CEC Secretariat",
            CountryCode = "BE",
            Password = PortalFactory.DemoPassword,
        });
        using var editor = await SignedInAsync(email);

        // Act
        using var saved = await editor.SubmitFormAsync("/profile", Details("Lena Lund", "Editor", "CEC Secretariat Brussels", "BE", "", ""), "[data-testid=details-form]");

        // Assert
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(id)).Organisation.ShouldBe("CEC Secretariat Brussels");
        (await portal.WithDbAsync(db => db.ProfileReviews.CountAsync(r => r.UserId == id, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Confirm_VetterWhoIsTheMember_Refused()
    {
        // Arrange: a vetter who is also a member moves sector within their own scope
        const string email = "self.vetter@demo.cec.example";
        var id = await CreateVetterAsync(portal, email, ["DE"], []);
        await portal.WithServiceAsync<UserManager<PortalUser>>(async users => await users.AddToRoleAsync((await users.FindByIdAsync(id))!, Roles.Member));
        await RequestAsync(email, Details("Nora Narrow", "Membership vetter", "CEC Secretariat", "DE", "banking", ""));
        var reviewId = (await PendingAsync(id)).Id;
        using var self = await portal.SignedInClientAsync(email);

        // Act
        var page = await self.GetDocumentAsync($"/admin/vetting/profile-changes/{reviewId}");
        using var confirm = await self.PostAsync($"/admin/vetting/profile-changes/{reviewId}?handler=Confirm", new Dictionary<string, string>(), "/admin/vetting");

        // Assert
        page.QuerySelector("[data-testid=own-change]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=actions]").ShouldBeNull();
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await confirm.ReadDocumentAsync()).QuerySelector("[data-testid=action-errors]")!.TextContent.ShouldContain("You cannot decide a change to your own profile");
        (await PendingAsync(id)).Status.ShouldBe(ProfileReviewStatus.Pending);
    }

    [Fact]
    public async Task MembersListAndMemberPage_RevettingFilterQueueAndTile_ShowTheWaitingChange()
    {
        // Arrange
        var (id, email) = await AddMemberAsync("Mira Moe", "moe.example", "FI", "energy");
        var (otherId, _) = await AddMemberAsync("Nils Nes", "nes.example", "FI", "energy");
        await RequestAsync(email, Details("Mira Moe", "CISO", "Moe Energi", "FI", "energy", "https://moe.example"));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var members = await admin.GetDocumentAsync("/admin/members?status=revetting");
        var queue = await admin.GetDocumentAsync("/admin/vetting");
        var home = await admin.GetDocumentAsync("/admin");
        var memberPage = await admin.GetDocumentAsync($"/admin/members/{id}");
        var otherPage = await admin.GetDocumentAsync($"/admin/members/{otherId}");

        // Assert
        members.QuerySelector($"a[href='/admin/members/{id}']").ShouldNotBeNull();
        members.QuerySelector($"a[href='/admin/members/{otherId}']").ShouldBeNull();
        int.Parse(queue.QuerySelector("[data-testid=profile-changes-waiting]")!.TextContent, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        home.QuerySelector("[data-testid=profile-changes-tile]").ShouldNotBeNull();
        memberPage.QuerySelector("[data-testid=member-profile-change]")!.TextContent.ShouldContain("Moe Energi");
        otherPage.QuerySelector("[data-testid=member-profile-change]").ShouldBeNull();
    }

    [Fact]
    public async Task RetentionJob_DecidedChangesPastThePeriod_DeletedWithTheirFlagsAndWaitingOnesKept()
    {
        // Arrange
        var (id, _) = await AddMemberAsync("Olga Oja", "gmail.com", "FI", "energy");
        var period = portal.Factory.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.ClosedApplications;
        var now = DateTimeOffset.UtcNow;
        var current = new ProfileDetails("Olga Oja", "CISO", "Olga Oja Oy", "FI", "energy", false);
        var flag = new ProfileReviewFlag { Kind = FlagKind.FreeMailAddress, Explanation = "Free mail." };
        var old = ProfileReview.Request(id, current, current with { SectorCode = "banking" }, null, [flag], now - period - TimeSpan.FromDays(10));
        old.Refuse("someone", "Someone", "No.", null, now - period - TimeSpan.FromDays(1));
        var young = ProfileReview.Request(id, current, current with { SectorCode = "health" }, null, [], now - period);
        young.Refuse("someone", "Someone", "No.", null, now - period + TimeSpan.FromDays(1));
        var waiting = ProfileReview.Request(id, current, current with { SectorCode = "space" }, null, [], now - period - TimeSpan.FromDays(30));
        await portal.WithDbAsync(db =>
        {
            db.ProfileReviews.AddRange(old, young, waiting);
            return db.SaveChangesAsync(Token);
        });

        // Act
        var first = 0;
        var second = 0;
        await portal.WithServiceAsync<RetentionJobs>(async jobs => first = await jobs.DeleteDecidedProfileChangesAsync(Token));
        await portal.WithServiceAsync<RetentionJobs>(async jobs => second = await jobs.DeleteDecidedProfileChangesAsync(Token));

        // Assert
        (first, second).ShouldBe((1, 0));
        var left = await portal.WithDbAsync(db => db.ProfileReviews.Where(r => r.UserId == id).Select(r => r.NewSectorCode).ToListAsync(Token));
        left.ShouldBe(["health", "space"], ignoreOrder: true);
        (await portal.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM profile_review_flags WHERE \"ReviewId\" = {old.Id}").SingleAsync(Token))).ShouldBe(0);
    }

    [Fact]
    public async Task PostDetails_HostileOrganisationAndWebsite_StoredAsTypedAndShownEncodedToTheMemberAndTheVetter()
    {
        // Arrange
        const string organisation = "<script>alert(1)</script> O'Brien & \"Sons\"";
        const string website = "https://hostile-change.example/\"><img src=x onerror=alert(1)>";
        var (id, email) = await AddMemberAsync("Pia Paasi", "paasi.example", "FI", "energy");
        using var member = await SignedInAsync(email);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var saved = await member.SubmitFormAsync("/profile", Details("Pia Paasi", "CISO", organisation, "FI", "energy", website), "[data-testid=details-form]");
        var review = await PendingAsync(id);
        var pages = new[]
        {
            await (await member.GetAsync(new Uri("/profile", UriKind.Relative), Token)).Content.ReadAsStringAsync(Token),
            await (await admin.GetAsync(new Uri("/admin/vetting/profile-changes", UriKind.Relative), Token)).Content.ReadAsStringAsync(Token),
            await (await admin.GetAsync(new Uri($"/admin/vetting/profile-changes/{review.Id}", UriKind.Relative), Token)).Content.ReadAsStringAsync(Token),
        };

        // Assert
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (review.NewOrganisation, review.OrganisationWebsite).ShouldBe((organisation, website));
        pages.ShouldAllBe(html => !html.Contains("<script>alert(1)", StringComparison.Ordinal) && !html.Contains("<img src=x", StringComparison.Ordinal));
        pages[2].ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private static Dictionary<string, string> Details(string name, string jobTitle, string organisation, string country, string sector, string website) => new()
    {
        ["Details.FullName"] = name,
        ["Details.JobTitle"] = jobTitle,
        ["Details.Organisation"] = organisation,
        ["Details.CountryCode"] = country,
        ["Details.SectorCode"] = sector,
        ["Details.OrganisationWebsite"] = website,
        ["Details.ShowInDirectory"] = "true",
    };

    /// <summary>A member on <paramref name="domain"/> (organisation "<paramref name="fullName"/> Oy", job title CISO) who can sign in.</summary>
    private async Task<(string Id, string Email)> AddMemberAsync(string fullName, string domain, string country, string sector)
    {
        var email = $"{Guid.NewGuid():N}@{domain}";
        var id = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, fullName, Roles.Member)
        {
            JobTitle = "CISO",
            Organisation = $"{fullName} Oy",
            CountryCode = country,
            SectorCode = sector,
            Password = PortalFactory.DemoPassword,
        });
        return (id, email);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = portal.CreateClient();
        using var response = await client.SignInAsync(email, PortalFactory.DemoPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in as {email}");
        return client;
    }

    /// <summary>The member saves the details form; the save itself must succeed.</summary>
    private async Task RequestAsync(string email, Dictionary<string, string> details)
    {
        using var member = await SignedInAsync(email);
        using var saved = await member.SubmitFormAsync("/profile", details, "[data-testid=details-form]");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<PortalUser> StoredAsync(string id) => portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Token));

    private Task<ProfileReview> PendingAsync(string userId) =>
        portal.WithDbAsync(db => db.ProfileReviews.AsNoTracking().OrderByDescending(r => r.RequestedAt).FirstAsync(r => r.UserId == userId, Token));

    private Task<ProfileReview> ReviewAsync(Guid id) => portal.WithDbAsync(db => db.ProfileReviews.AsNoTracking().SingleAsync(r => r.Id == id, Token));

    private Task<List<string>> AuditActionsAsync(string userId) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == $"user:{userId}").Select(e => e.Action).ToListAsync(Token));

    /// <summary>The sector and country channels the person may read, by their code.</summary>
    private async Task<List<string>> CountryAndSectorChannelsAsync(string userId)
    {
        List<string> codes = [];
        await portal.WithServiceAsync<ChannelAccess>(async access => codes = await access.ReadableBy(userId)
            .Where(c => c.Kind == ChannelKind.Sector || c.Kind == ChannelKind.Country)
            .Select(c => c.SectorCode ?? c.CountryCode!)
            .ToListAsync(Token));
        return codes;
    }
}
