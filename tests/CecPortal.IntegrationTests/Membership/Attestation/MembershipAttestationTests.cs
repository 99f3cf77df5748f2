using System.Net;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Membership.Attestation;
using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Membership.Attestation;

/// <summary>
/// The yearly confirmation of a member's role against the real portal, database and SMTP sink, on a clock the tests
/// move: request, one reminder and the lapse, each once; what a lapsed member may no longer reach or receive; the
/// one-click confirmation that restores at once; a staff extension; leaving with an alumni record.
/// </summary>
public sealed class MembershipAttestationTests(AttestationPortalFixture portal) : IClassFixture<AttestationPortalFixture>
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Job_MemberNeverConfirms_AskedRemindedAndLapsedOnceEachThenBackInOneClick()
    {
        // Arrange
        const string email = "never.confirms@attest-demo.eu";
        var id = await portal.MemberDueAsync(email, portal.Clock.GetUtcNow());

        // Act: the due date has come; then a day short of the grace; then past it; then past the second grace. Each run twice.
        await portal.RunJobAsync();
        await portal.RunJobAsync();
        var request = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Please confirm your CEC membership");
        portal.Clock.Advance(Grace - TimeSpan.FromDays(1));
        await portal.RunJobAsync();
        var remindedEarly = await portal.AuditCountAsync(id, MembershipAttestation.RemindedAction);
        portal.Clock.Advance(TimeSpan.FromDays(2));
        await portal.RunJobAsync();
        await portal.RunJobAsync();
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Reminder: please confirm your CEC membership");
        var beforeLapse = await portal.UserAsync(id);
        portal.Clock.Advance(Grace + TimeSpan.FromDays(1));
        await portal.RunJobAsync();
        await portal.RunJobAsync();
        var lapsed = await portal.UserAsync(id);

        // Assert: each step once, the lapse on schedule
        request.TextBody!.ShouldContain("/membership/attest");
        request.TextBody!.ShouldContain("Banca Esempio");
        (await portal.AuditCountAsync(id, MembershipAttestation.RequestedAction)).ShouldBe(1);
        remindedEarly.ShouldBe(0);
        (await portal.AuditCountAsync(id, MembershipAttestation.RemindedAction)).ShouldBe(1);
        beforeLapse.IsLapsed.ShouldBeFalse();
        lapsed.IsLapsed.ShouldBeTrue();
        (await portal.AuditCountAsync(id, MembershipAttestation.LapsedAction)).ShouldBe(1);
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Your CEC membership has lapsed");
        portal.Smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == email)).ShouldBe(3, "no step is sent twice");

        // Act: the lapsed member signs in; community pages send them to the confirmation page
        using var member = await portal.SignedInClientAsync(email);
        var refused = new Dictionary<string, string?>();
        foreach (var path in new[] { "/briefings", "/members", "/sharing", "/webinars", "/consultations" })
        {
            using var response = await member.GetAsync(new Uri(path, UriKind.Relative), Token);
            refused[path] = response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var attestPage = await member.GetDocumentAsync(AttestationPaths.Attest);
        using var profile = await member.GetAsync(new Uri("/profile", UriKind.Relative), Token);
        using var confirm = await member.SubmitFormAsync(AttestationPaths.Attest, new Dictionary<string, string>(), "[data-testid=attest-form]");
        using var briefingsAfter = await member.GetAsync(new Uri("/briefings", UriKind.Relative), Token);
        var restored = await portal.UserAsync(id);

        // Assert: refused while lapsed, back at once after one click
        refused.Values.ShouldAllBe(location => location == AttestationPaths.Attest);
        attestPage.QuerySelector("[data-testid=attest-lapsed]").ShouldNotBeNull();
        attestPage.QuerySelector("[data-testid=attest-confirm]")!.TextContent.ShouldContain("Banca Esempio");
        profile.StatusCode.ShouldBe(HttpStatusCode.OK, "a lapsed member may still update their profile");
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        briefingsAfter.StatusCode.ShouldBe(HttpStatusCode.OK);
        restored.IsLapsed.ShouldBeFalse();
        restored.LastAttestedAt!.Value.ShouldBe(portal.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        restored.AttestationDueAt!.Value.ShouldBe(portal.Clock.GetUtcNow().AddDays(365), TimeSpan.FromMilliseconds(1));
        (await portal.AuditCountAsync(id, MembershipAttestation.AttestedAction)).ShouldBe(1);
    }

    [Fact]
    public async Task Session_OpenWhenTheMembershipLapses_RefusedWithinAMinuteAndTheBannerConfirmRestores()
    {
        // Arrange: a member asked and reminded a grace ago, signed in before the job runs
        const string email = "open.session@attest-demo.eu";
        var now = portal.Clock.GetUtcNow();
        var id = await portal.MemberDueAsync(email, now - Grace - Grace);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(u => u.AttestationRequestedAt, now - Grace - Grace).SetProperty(u => u.AttestationRemindedAt, now - Grace), Token));
        using var member = await portal.SignedInClientAsync(email);
        var homeWhileDue = await member.GetDocumentAsync("/");

        // Act
        await portal.RunJobAsync();
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        using var sharing = await member.GetAsync(new Uri("/sharing", UriKind.Relative), Token);
        var home = await member.GetDocumentAsync("/");
        using var confirm = await member.SubmitFormAsync("/", new Dictionary<string, string>(), "[data-testid=attestation-banner-form]");
        using var sharingAfter = await member.GetAsync(new Uri("/sharing", UriKind.Relative), Token);
        var homeAfter = await member.GetDocumentAsync("/");

        // Assert
        homeWhileDue.QuerySelector("[data-testid=attestation-banner]").ShouldNotBeNull("the due date has passed");
        sharing.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sharing.Headers.Location!.OriginalString.ShouldBe(AttestationPaths.Attest);
        home.QuerySelector("[data-testid=attestation-banner]")!.TextContent.ShouldContain("lapsed");
        home.QuerySelector("[data-testid=nav]")!.TextContent.ShouldNotContain("Briefings");
        home.QuerySelector("[data-testid=welcome-back]")!.TextContent.ShouldContain("Confirm your membership");
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sharingAfter.StatusCode.ShouldBe(HttpStatusCode.OK);
        homeAfter.QuerySelector("[data-testid=attestation-banner]").ShouldBeNull();
        (await portal.UserAsync(id)).IsLapsed.ShouldBeFalse();
    }

    [Fact]
    public async Task FanOutDirectoryFeedAndChannels_LapsedMember_LeftOutWhileADueMemberStays()
    {
        // Arrange
        var now = portal.Clock.GetUtcNow();
        var dueId = await portal.MemberDueAsync("still.due@attest-demo.eu", now - TimeSpan.FromDays(3));
        var lapsedId = await portal.MemberDueAsync("gone.quiet@attest-demo.eu", now - TimeSpan.FromDays(70));
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == lapsedId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LapsedAt, now), Token));
        var briefing = await BriefingTestKit.AddAsync(portal, BriefingTestKit.Today(portal).AddDays(-300), "Attestation fan-out", status: BriefingStatus.Published);
        using var reader = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        string? dueFeed = null, lapsedFeed = null;
        await portal.WithServiceAsync<BriefingSubscription>(async subscription =>
        {
            dueFeed = await subscription.ReplaceFeedTokenAsync(dueId);
            lapsedFeed = await subscription.ReplaceFeedTokenAsync(lapsedId);
        });
        var community = await portal.WithDbAsync(db => db.Channels.Where(c => c.Kind == ChannelKind.Community).Select(c => c.Id).SingleAsync(Token));

        // Act
        await portal.WithServiceAsync<DeliveryLedger>(ledger => ledger.FillAsync(briefing.Id, Token));
        var recipients = await portal.WithDbAsync(db => db.BriefingDeliveries.Where(d => d.BriefingId == briefing.Id).Select(d => d.MemberId).ToListAsync(Token));
        var directory = await reader.GetDocumentAsync("/members?country=IT&sector=banking");
        using var feedReader = portal.CreateClient();
        using var dueFeedResponse = await feedReader.GetAsync(new Uri($"/briefings/feed/{dueFeed}", UriKind.Relative), Token);
        using var lapsedFeedResponse = await feedReader.GetAsync(new Uri($"/briefings/feed/{lapsedFeed}", UriKind.Relative), Token);
        bool dueReads = false, lapsedReads = true;
        await portal.WithServiceAsync<ChannelAccess>(async access =>
        {
            dueReads = await access.MayReadAsync(dueId, community, Token);
            lapsedReads = await access.MayReadAsync(lapsedId, community, Token);
        });

        // Assert
        recipients.ShouldContain(dueId);
        recipients.ShouldNotContain(lapsedId);
        var names = directory.QuerySelectorAll("[data-testid=directory] [data-testid=name]").Select(n => n.TextContent.Trim()).ToList();
        names.ShouldContain("Attest still.due");
        names.ShouldNotContain("Attest gone.quiet");
        dueFeedResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        lapsedFeedResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        dueReads.ShouldBeTrue();
        lapsedReads.ShouldBeFalse();
    }

    [Fact]
    public async Task Job_MemberSinceLongBeforeTheFeature_ScheduledAGraceAwayNotLapsed()
    {
        // Arrange: a member of two years with no due date, as on the day the feature arrives
        var id = await portal.MemberDueAsync("old.timer@attest-demo.eu", portal.Clock.GetUtcNow());
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(u => u.AttestationDueAt, (DateTimeOffset?)null).SetProperty(u => u.CreatedAt, portal.Clock.GetUtcNow().AddYears(-2)), Token));

        // Act
        await portal.RunJobAsync();
        var user = await portal.UserAsync(id);

        // Assert
        user.AttestationDueAt!.Value.ShouldBe(portal.Clock.GetUtcNow() + Grace, TimeSpan.FromMilliseconds(1));
        user.AttestationRequestedAt.ShouldBeNull();
        user.IsLapsed.ShouldBeFalse();
    }

    [Fact]
    public async Task Extend_AdminWithReason_LiftsTheLapseAndShowsInTheHistoryAndFilters()
    {
        // Arrange
        var now = portal.Clock.GetUtcNow();
        var id = await portal.MemberDueAsync("on.leave@attest-demo.eu", now - TimeSpan.FromDays(70));
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(u => u.AttestationRequestedAt, now - TimeSpan.FromDays(70)).SetProperty(u => u.AttestationRemindedAt, now - TimeSpan.FromDays(40)).SetProperty(u => u.LapsedAt, now - TimeSpan.FromDays(10)), Token));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var lapsedList = await admin.GetDocumentAsync("/admin/members?q=on.leave&status=lapsed");

        // Act
        using var noReason = await admin.SubmitFormAsync($"/admin/members/{id}/extend", new Dictionary<string, string> { ["Input.Days"] = "20", ["Input.Reason"] = " " });
        using var tooLong = await admin.SubmitFormAsync($"/admin/members/{id}/extend", new Dictionary<string, string> { ["Input.Days"] = "400", ["Input.Reason"] = "Parental leave" });
        using var extended = await admin.SubmitFormAsync($"/admin/members/{id}/extend", new Dictionary<string, string> { ["Input.Days"] = "20", ["Input.Reason"] = "Parental leave until spring" });
        var user = await portal.UserAsync(id);
        var details = await admin.GetDocumentAsync($"/admin/members/{id}");
        var lapsedAfter = await admin.GetDocumentAsync("/admin/members?q=on.leave&status=lapsed");

        // Assert
        Emails(lapsedList).ShouldBe(["on.leave@attest-demo.eu"]);
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.ShouldContain("Give a reason");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tooLongPage = await tooLong.ReadDocumentAsync();
        tooLongPage.QuerySelector("[data-valmsg-for='Input.Days']")!.TextContent.ShouldContain("365");
        tooLongPage.QuerySelector("textarea[name='Input.Reason']")!.TextContent.ShouldBe("Parental leave");
        extended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        user.IsLapsed.ShouldBeFalse();
        user.AttestationDueAt!.Value.ShouldBe(now.AddDays(20), TimeSpan.FromMilliseconds(1));
        user.AttestationRequestedAt.ShouldBeNull();
        (await portal.AuditCountAsync(id, MembershipAttestation.ExtendedAction)).ShouldBe(1);
        details.QuerySelector("[data-testid=member-history]")!.TextContent.ShouldContain(MembershipAttestation.ExtendedAction);
        details.QuerySelector("[data-testid=member-history]")!.TextContent.ShouldContain("Parental leave until spring");
        details.QuerySelector("[data-testid=standing-due-at]")!.TextContent.ShouldNotBeEmpty();
        Emails(lapsedAfter).ShouldBeEmpty();
    }

    [Fact]
    public async Task Leave_KeepAlumniRecord_SignsOutCannotSignInAndListedAsAlumni()
    {
        // Arrange
        const string email = "moving.on@attest-demo.eu";
        var id = await portal.MemberDueAsync(email, portal.Clock.GetUtcNow().AddDays(100));
        using var member = await portal.SignedInClientAsync(email);
        var profile = await member.GetDocumentAsync("/profile");

        // Act
        using var wrongPassword = await member.SubmitFormAsync(AttestationPaths.Leave, new Dictionary<string, string> { ["Input.Password"] = "not-my-password", ["Input.Confirm"] = "true" });
        using var left = await member.SubmitFormAsync(AttestationPaths.Leave, new Dictionary<string, string> { ["Input.Password"] = PortalFactory.DemoPassword, ["Input.Confirm"] = "true" });
        using var afterwards = await member.GetAsync(new Uri("/profile", UriKind.Relative), Token);
        using var again = portal.CreateClient();
        using var signIn = await again.SignInAsync(email, PortalFactory.DemoPassword);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var alumni = await admin.GetDocumentAsync("/admin/members?q=moving.on&status=alumni");
        var user = await portal.UserAsync(id);

        // Assert
        profile.QuerySelector("[data-testid=leave-link]").ShouldNotBeNull();
        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrongPassword.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.ShouldContain("unchanged");
        left.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterwards.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "an alumni record cannot sign in");
        user.IsAlumni.ShouldBeTrue();
        user.FullName.ShouldBe("Attest moving.on");
        user.HiddenFromDirectory.ShouldBeTrue();
        user.BriefingOptOutAt.ShouldNotBeNull();
        Emails(alumni).ShouldBe([email]);
        (await portal.AuditCountAsync(id, MembershipAttestation.LeftAction)).ShouldBe(1);
    }

    [Fact]
    public async Task Leave_ErasureInstead_TheLeavePageOffersTheExistingErasure()
    {
        // Arrange
        await portal.MemberDueAsync("erase.instead@attest-demo.eu", portal.Clock.GetUtcNow().AddDays(100));
        using var member = await portal.SignedInClientAsync("erase.instead@attest-demo.eu");

        // Act
        var leave = await member.GetDocumentAsync(AttestationPaths.Leave);
        var erase = await member.GetDocumentAsync(leave.QuerySelector("[data-testid=leave-erase]")!.GetAttribute("href")!);

        // Assert
        erase.QuerySelector("[data-testid=erase-form]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Confirm_StaffAccountThatIsNoMember_RefusedWithAMessage()
    {
        // Arrange
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var page = await editor.GetDocumentAsync(AttestationPaths.Attest);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
        using var confirm = await editor.PostAsync(new Uri(AttestationPaths.Attest + "?handler=Confirm", UriKind.Relative), content, Token);

        // Assert
        page.QuerySelector("[data-testid=attest-not-member]").ShouldNotBeNull();
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await confirm.Content.ReadAsStringAsync(Token)).ShouldContain("Only members confirm their role");
    }

    private static string?[] Emails(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=members] tbody tr").Select(r => r.GetAttribute("data-member"))];
}
