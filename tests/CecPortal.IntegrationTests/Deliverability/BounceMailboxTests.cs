using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Deliverability;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static CecPortal.IntegrationTests.Deliverability.DeliverabilityFixture;

namespace CecPortal.IntegrationTests.Deliverability;

/// <summary>
/// Mail that is known to arrive, end to end: VERP return paths on what the portal sends, real DSN and ARF messages
/// delivered into a real Dovecot and read by the <c>bounce-mailbox</c> job over IMAPS, the address marked undeliverable,
/// the next fan-out skipping it, and the SMTP server's own refusals counted the same way.
/// </summary>
public sealed class BounceMailboxTests(DeliverabilityFixture portal) : IClassFixture<DeliverabilityFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task FanOut_WithBounceAddress_EachMessageCarriesItsOwnSignedReturnPath()
    {
        // Arrange
        var briefing = await portal.PublishTodaysBriefingAsync("Return path check");

        // Act
        await portal.SendAsync(briefing);

        // Assert
        var messages = portal.Sink.Received.Where(m => (m.Message.Subject ?? string.Empty).Contains("Return path check", StringComparison.Ordinal)).ToList();
        messages.Count.ShouldBeGreaterThan(5);
        var returnPath = portal.Factory.Services.GetRequiredService<ReturnPath>();
        var rows = await portal.WithDbAsync(db => db.BriefingDeliveries.Where(d => d.BriefingId == briefing.Id).ToDictionaryAsync(d => d.Id, d => d.MemberId, Token));
        foreach (var message in messages)
        {
            message.Sender.ShouldStartWith("bounces+d");
            message.Sender.ShouldEndWith("@" + BounceDomain);
            var token = returnPath.Read(TokenIn(message.Sender)).ShouldNotBeNull();
            var memberEmail = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == rows[token.DeliveryId!.Value]).Select(u => u.Email).SingleAsync(Token));
            message.Recipients.Single().ShouldBe(memberEmail);
            message.Message.Headers[ReturnPath.TokenHeader].ShouldBe(TokenIn(message.Sender));
        }

        messages.Select(m => m.Sender).Distinct().Count().ShouldBe(messages.Count);
    }

    [Fact]
    public async Task Job_PostfixHardBounceOfABriefing_MarksTheAddressMovesTheMailAndTheNextMorningSkipsIt()
    {
        // Arrange
        const string email = "hard.postfix@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Hanna Hard");
        var first = await portal.PublishTodaysBriefingAsync("Hard bounce morning");
        await portal.SendAsync(first);
        var token = await portal.TokenOfAsync(email, "Hard bounce morning");
        await portal.Mailbox.AppendAsync(Corpus("postfix-hard-5.1.1.eml", token, email));
        var processedBefore = await portal.Mailbox.CountAsync("Processed");

        // Act
        var run = await portal.RunBounceJobAsync();

        // Assert
        run.ShouldBe(new BounceMailboxRun(1, 1, 0, 0));
        var member = await portal.UserAsync(memberId);
        member.UndeliverableSince.ShouldNotBeNull();
        member.UndeliverableReason!.ShouldContain("5.1.1");
        var bounce = (await portal.BouncesOfAsync(memberId)).ShouldHaveSingleItem();
        bounce.ShouldSatisfyAllConditions(
            b => b.Kind.ShouldBe(BounceKind.Hard),
            b => b.Source.ShouldBe(BounceSource.DeliveryReport),
            b => b.BriefingId.ShouldBe(first.Id),
            b => b.Diagnostic!.ShouldContain("User unknown in virtual mailbox table"));
        (await portal.Mailbox.CountAsync("INBOX")).ShouldBe(0);
        (await portal.Mailbox.CountAsync("Processed")).ShouldBe(processedBefore + 1);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AddressBounces.MarkedAction && e.Subject == SecurityEvents.UserSubject(memberId), Token))).ShouldBe(1);

        // Act: the next morning
        await portal.ResetAsync();
        var next = await portal.PublishTodaysBriefingAsync("Next morning");
        await portal.SendAsync(next);

        // Assert
        portal.Sink.Received.ShouldNotContain(m => m.Recipients.Contains(email) && (m.Message.Subject ?? string.Empty).Contains("Next morning", StringComparison.Ordinal));
        portal.Sink.Received.ShouldContain(m => m.Recipients.Contains(PortalFactory.MemberEmail) && (m.Message.Subject ?? string.Empty).Contains("Next morning", StringComparison.Ordinal));
        (await portal.WithDbAsync(db => db.BriefingDeliveries.AnyAsync(d => d.BriefingId == next.Id && d.MemberId == memberId, Token))).ShouldBeFalse();
    }

    [Fact]
    public async Task Job_RunTwiceAndTheSameReportDeliveredAgain_CountsTheBounceOnce()
    {
        // Arrange
        const string email = "twice@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Tomas Twice");
        var briefing = await portal.PublishTodaysBriefingAsync("Twice morning");
        await portal.SendAsync(briefing);
        var report = Corpus("postfix-hard-5.1.1.eml", await portal.TokenOfAsync(email, "Twice morning"), email);
        await portal.Mailbox.AppendAsync(report);
        await portal.RunBounceJobAsync();

        // Act
        var again = await portal.RunBounceJobAsync();
        await portal.Mailbox.AppendAsync(report);
        var redelivered = await portal.RunBounceJobAsync();

        // Assert
        again.ShouldBe(BounceMailboxRun.Nothing);
        redelivered.ShouldBe(new BounceMailboxRun(1, 0, 1, 0));
        (await portal.BouncesOfAsync(memberId)).Count.ShouldBe(1);
        (await portal.Mailbox.CountAsync("Processed")).ShouldBeGreaterThanOrEqualTo(2, "the redelivered copy is moved too, never deleted");
    }

    [Fact]
    public async Task Job_ExchangeBounceOfAnOutboxEmail_StopsMailingsButStillTriesAccountMail()
    {
        // Arrange
        const string email = "exchange@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Erik Exchange");
        await portal.QueueEmailAsync(email, "Your CEC Portal notice", mailing: false);
        var token = await portal.TokenOfAsync(email, "Your CEC Portal notice");
        token.ShouldStartWith("o");
        await portal.Mailbox.AppendAsync(Corpus("exchange-hard-5.1.10.eml", token, email));

        // Act
        var run = await portal.RunBounceJobAsync();
        var mailing = await portal.QueueEmailAsync(email, "Webinar announcement", mailing: true);
        await portal.QueueEmailAsync(email, "Sign-in link", mailing: false);
        await portal.Sink.WaitForMessageAsync(m => m.Recipients.Contains(email) && m.Message.Subject == "Sign-in link");
        await Briefings.BriefingDeliveryFixture.WaitUntilAsync(
            () => portal.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.Id == mailing && e.LastError != null, Token)), "the mailing to be refused");

        // Assert
        run.Recorded.ShouldBe(1);
        var bounce = (await portal.BouncesOfAsync(memberId)).ShouldHaveSingleItem();
        bounce.StatusCode.ShouldBe("5.1.10");
        bounce.OutboundEmailId.ShouldNotBeNull();
        (await portal.UserAsync(memberId)).IsUndeliverable.ShouldBeTrue();
        var refused = await portal.WithDbAsync(db => db.OutboundEmails.SingleAsync(e => e.Id == mailing, Token));
        refused.SentAt.ShouldBeNull();
        refused.LastError.ShouldBe(DeliverEmailJob.UndeliverableError);
        portal.Sink.Received.ShouldNotContain(m => m.Message.Subject == "Webinar announcement");
    }

    [Fact]
    public async Task Job_GmailDelays_MarkTheAddressOnlyAtTheSoftBounceThreshold()
    {
        // Arrange
        const string email = "soft.gmail@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Sofia Soft");
        var briefing = await portal.PublishTodaysBriefingAsync("Soft morning");
        await portal.SendAsync(briefing);
        var token = await portal.TokenOfAsync(email, "Soft morning");
        await portal.Mailbox.AppendAsync(Corpus("gmail-soft-4.2.2.eml", token, email, n: 1));
        await portal.Mailbox.AppendAsync(Corpus("gmail-soft-4.2.2.eml", token, email, n: 2));

        // Act
        await portal.RunBounceJobAsync();
        var afterTwo = await portal.UserAsync(memberId);
        await portal.Mailbox.AppendAsync(Corpus("gmail-soft-4.2.2.eml", token, email, n: 3));
        await portal.RunBounceJobAsync();

        // Assert
        afterTwo.IsUndeliverable.ShouldBeFalse("two soft bounces are below the threshold of three");
        var member = await portal.UserAsync(memberId);
        member.IsUndeliverable.ShouldBeTrue();
        member.UndeliverableReason!.ShouldContain("3 soft bounces");
        (await portal.BouncesOfAsync(memberId)).ShouldAllBe(b => b.Kind == BounceKind.Soft && b.StatusCode == "4.2.2");
    }

    [Fact]
    public async Task Job_ArfComplaint_OptsTheMemberOutOfTheBriefingAndStaffSeeIt()
    {
        // Arrange
        const string email = "complainer@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Carla Complaint");
        var briefing = await portal.PublishTodaysBriefingAsync("Complaint morning");
        await portal.SendAsync(briefing);
        var sent = await portal.Sink.WaitForMessageAsync(m => m.Recipients.Contains(email) && (m.Message.Subject ?? string.Empty).Contains("Complaint morning", StringComparison.Ordinal));
        var unsubscribe = sent.Message.Headers["List-Unsubscribe"]!.Trim('<', '>');
        await portal.Mailbox.AppendAsync(Corpus("yahoo-arf-abuse.eml", TokenIn(sent.Sender), email, unsubscribe));

        // Act
        var run = await portal.RunBounceJobAsync();

        // Assert
        run.Recorded.ShouldBe(1);
        var member = await portal.UserAsync(memberId);
        member.BriefingOptOutAt.ShouldNotBeNull();
        member.IsUndeliverable.ShouldBeFalse("a complaint is not a bounce");
        (await portal.BouncesOfAsync(memberId)).ShouldHaveSingleItem().Kind.ShouldBe(BounceKind.Complaint);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var page = await admin.GetDocumentAsync("/admin/delivery-problems");
        page.QuerySelector("[data-testid=complaints]")!.TextContent.ShouldContain("Carla Complaint");
    }

    [Fact]
    public async Task Job_OutOfOfficeReply_IsMovedForAPersonAndCountsNothing()
    {
        // Arrange
        const string email = "holiday@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Olaf Office");
        await portal.QueueEmailAsync(email, "Holiday notice", mailing: false);
        await portal.Mailbox.AppendAsync(Corpus("out-of-office.eml", await portal.TokenOfAsync(email, "Holiday notice"), email));

        // Act
        var unparsedBefore = await portal.Mailbox.CountAsync("Unparsed");
        var run = await portal.RunBounceJobAsync();

        // Assert
        run.ShouldBe(new BounceMailboxRun(1, 0, 0, 1));
        (await portal.Mailbox.CountAsync("Unparsed")).ShouldBe(unparsedBefore + 1);
        (await portal.BouncesOfAsync(memberId)).ShouldBeEmpty();
        (await portal.UserAsync(memberId)).IsUndeliverable.ShouldBeFalse();
    }

    [Fact]
    public async Task Job_BounceWithAForgedToken_MarksNobody()
    {
        // Arrange
        const string email = "forged@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Fiona Forged");
        var rowId = await portal.WithDbAsync(async db =>
        {
            var briefing = await portal.PublishTodaysBriefingAsync("Forged morning");
            await portal.SendAsync(briefing);
            return await db.BriefingDeliveries.Where(d => d.BriefingId == briefing.Id && d.MemberId == memberId).Select(d => d.Id).SingleAsync(Token);
        });
        var forged = $"d{rowId}-0123456789abcdef";

        // Act
        await portal.Mailbox.AppendAsync(Corpus("postfix-hard-5.1.1.eml", forged, email));
        var run = await portal.RunBounceJobAsync();

        // Assert
        run.Recorded.ShouldBe(1, "recorded as a bounce of nobody's mail");
        (await portal.UserAsync(memberId)).IsUndeliverable.ShouldBeFalse();
        (await portal.BouncesOfAsync(memberId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FanOut_OneRecipientRefusedWith550_TheRestOfTheChunkIsSentAndTheAddressIsMarked()
    {
        // Arrange
        const string email = "refused@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Rafael Refused");
        portal.Sink.OnRecipient = recipient => string.Equals(recipient, email, StringComparison.OrdinalIgnoreCase) ? SmtpFault.MailboxUnavailable : null;
        var briefing = await portal.PublishTodaysBriefingAsync("Refusal morning");
        var expected = await portal.WithDbAsync(db => db.UsersInRole(Roles.Member)
            .Where(u => u.EmailConfirmed && u.SuspendedAt == null && u.BriefingOptOutAt == null && u.UndeliverableSince == null)
            .Select(u => u.Email!).ToListAsync(Token));
        var connectionsBefore = portal.Sink.ConnectionsOpened;

        // Act
        await portal.SendAsync(briefing);

        // Assert: one connection, one chunk, everyone else got it
        var accepted = portal.Sink.Received.Where(m => (m.Message.Subject ?? string.Empty).Contains("Refusal morning", StringComparison.Ordinal)).Select(m => m.Recipients.Single()).ToList();
        accepted.Order().ShouldBe(expected.Where(e => e != email).Order());
        (portal.Sink.ConnectionsOpened - connectionsBefore).ShouldBe(1, "the refusal did not cost the connection");
        var row = await portal.WithDbAsync(db => db.BriefingDeliveries.SingleAsync(d => d.BriefingId == briefing.Id && d.MemberId == memberId, Token));
        row.Status.ShouldBe(DeliveryStatus.Failed);
        row.LastError!.ShouldContain("550");
        var bounce = (await portal.BouncesOfAsync(memberId)).ShouldHaveSingleItem();
        bounce.ShouldSatisfyAllConditions(
            b => b.Source.ShouldBe(BounceSource.SmtpRefusal),
            b => b.Kind.ShouldBe(BounceKind.Hard),
            b => b.StatusCode.ShouldBe("550"),
            b => b.BriefingId.ShouldBe(briefing.Id));
        (await portal.UserAsync(memberId)).IsUndeliverable.ShouldBeTrue();
    }

    [Fact]
    public async Task Banner_BouncedMember_SeesItConfirmsInOneClickAndMailingsResume()
    {
        // Arrange
        const string email = "banner@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Bruno Banner");
        await portal.QueueEmailAsync(email, "Banner notice", mailing: false);
        await portal.Mailbox.AppendAsync(Corpus("exchange-hard-5.1.10.eml", await portal.TokenOfAsync(email, "Banner notice"), email));
        await portal.RunBounceJobAsync();
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var home = await client.GetDocumentAsync("/");
        var response = await client.SubmitFormAsync("/account/address", new Dictionary<string, string>(), "[data-testid=confirm-address-form]");
        var after = await client.GetDocumentAsync("/");

        // Assert
        home.QuerySelector("[data-testid=address-banner]")!.TextContent.ShouldContain(email);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        after.QuerySelector("[data-testid=address-banner]").ShouldBeNull();
        var member = await portal.UserAsync(memberId);
        member.IsUndeliverable.ShouldBeFalse();
        member.AddressConfirmedAt.ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AddressBounces.ConfirmedAction && e.ActorId == memberId, Token))).ShouldBeTrue();
    }

    [Fact]
    public async Task StaffPages_BouncedMember_AppearsInTheListTheFilterTheMemberPageAndTheBriefingPage()
    {
        // Arrange
        const string email = "staffview@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Stella Staffview");
        var briefing = await portal.PublishTodaysBriefingAsync("Staff view morning");
        await portal.SendAsync(briefing);
        await portal.Mailbox.AppendAsync(Corpus("postfix-hard-5.1.1.eml", await portal.TokenOfAsync(email, "Staff view morning"), email));
        await portal.RunBounceJobAsync();
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var problems = await admin.GetDocumentAsync("/admin/delivery-problems");
        var filtered = await admin.GetDocumentAsync("/admin/members?status=undeliverable");
        var details = await admin.GetDocumentAsync($"/admin/members/{memberId}");
        var deliveries = await admin.GetDocumentAsync($"/admin/briefings/{briefing.Id}/deliveries");
        var dashboard = await admin.GetDocumentAsync("/admin");

        // Assert
        problems.QuerySelector($"[data-testid=undeliverable] tr[data-member='{email}']")!.TextContent.ShouldContain("5.1.1");
        filtered.Body!.TextContent.ShouldContain("Stella Staffview");
        filtered.Body!.TextContent.ShouldNotContain("Marie Dubois");
        details.QuerySelector("[data-testid=member-bounces]")!.TextContent.ShouldContain("User unknown");
        deliveries.QuerySelector("[data-testid=briefing-bounces]")!.TextContent.ShouldContain("Stella Staffview");
        int.Parse(dashboard.QuerySelector("[data-testid=undeliverable-addresses]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Mailings_BouncedMember_IsNoLongerARecipientOfAnnouncementsOrConsultations()
    {
        // Arrange
        const string email = "mailings@it.cec.example";
        var memberId = await portal.CreateMemberAsync(email, "Mila Mailings");
        await portal.QueueEmailAsync(email, "Mailings notice", mailing: false);
        await portal.Mailbox.AppendAsync(Corpus("postfix-hard-5.1.1.eml", await portal.TokenOfAsync(email, "Mailings notice"), email));

        // Act
        await portal.RunBounceJobAsync();
        var announced = await portal.WithServiceAsync<Web.Features.Webinars.Mail.WebinarAnnouncements, bool>(
            announcements => announcements.PendingRecipients(Guid.NewGuid()).AnyAsync(u => u.Id == memberId, Token));
        var invited = await portal.WithServiceAsync<Web.Features.Consultations.ConsultationAudience, bool>(
            audience => audience.Recipients(Web.Features.Consultations.Consultation.Create(
                new Web.Features.Consultations.ConsultationDetails("Audience check", "ENISA", "NIS2", "Context", DateTimeOffset.UtcNow.AddDays(10), Web.Features.Consultations.ConsultationMode.Anonymous, [], []),
                new Web.Infrastructure.Web.Actor(memberId, email),
                DateTimeOffset.UtcNow)).AnyAsync(u => u.Id == memberId, Token));

        // Assert
        (await portal.UserAsync(memberId)).IsUndeliverable.ShouldBeTrue();
        announced.ShouldBeFalse();
        invited.ShouldBeFalse();
    }
}
