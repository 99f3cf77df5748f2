using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CecPortal.UnitTests.Briefings.Delivery;

public sealed class BriefingEmailTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);
    private static readonly BriefingRecipient Marie = new("0b6f3c1e-8f7a-4f6e-9d52-7c1a2b3c4d5e", "marie.dubois@example.org", "Marie <Dubois>");

    private readonly UnsubscribeTokens _tokens = new(new EphemeralDataProtectionProvider());

    public static Briefing CreateBriefing(TlpLabel tlp = TlpLabel.Amber, string title = "Ransomware wave in logistics") => Briefing.Create(
        new DateOnly(2026, 11, 25),
        new BriefingContent(
            title,
            "Shipping firms report **intrusions**.",
            "<p>Shipping firms report <strong>intrusions</strong>.</p>",
            tlp,
            [new VulnerabilityEntry { CveId = "CVE-2026-1234", Product = "Exchangeable <Mail> Server", Severity = VulnerabilitySeverity.Critical, Summary = "Pre-auth RCE", Link = "https://example.org/advisory" }]),
        "editor-id",
        Now);

    [Theory]
    [InlineData(TlpLabel.Amber, "[TLP:AMBER] CEC daily briefing 25 Nov 2026: Ransomware wave in logistics")]
    [InlineData(TlpLabel.AmberStrict, "[TLP:AMBER+STRICT] CEC daily briefing 25 Nov 2026: Ransomware wave in logistics")]
    [InlineData(TlpLabel.Clear, "[TLP:CLEAR] CEC daily briefing 25 Nov 2026: Ransomware wave in logistics")]
    public void Subject_Briefing_StartsWithItsTlpLabel(TlpLabel tlp, string expected)
    {
        // Act
        var subject = BriefingEmail.Subject(CreateBriefing(tlp));

        // Assert
        subject.ShouldBe(expected);
    }

    [Fact]
    public void Render_RedBriefing_IsRefused()
    {
        // Arrange
        var composer = CreateComposer();

        // Act
        var render = () => composer.Render(CreateBriefing(TlpLabel.Red));

        // Assert
        render.ShouldThrow<BriefingRuleException>().Message.ShouldContain("TLP:RED");
    }

    [Fact]
    public void ToMime_Briefing_HasTextThenHtmlWithBannerBodyTableAndFooter()
    {
        // Arrange
        var template = CreateComposer().Render(CreateBriefing());

        // Act
        using var message = template.ToMime(Marie, MailboxAddress.Parse(Marie.Email));

        // Assert
        message.Subject.ShouldBe("[TLP:AMBER] CEC daily briefing 25 Nov 2026: Ransomware wave in logistics");
        message.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("briefing@cec.test");
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(Marie.Email);
        var body = message.Body.ShouldBeOfType<MultipartAlternative>();
        body[0].ShouldBeOfType<TextPart>().IsPlain.ShouldBeTrue();
        body[1].ShouldBeOfType<TextPart>().IsHtml.ShouldBeTrue();

        var html = message.HtmlBody!;
        var bodyStart = html.IndexOf("<body", StringComparison.Ordinal);
        html.IndexOf("TLP:AMBER", bodyStart, StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("Ransomware wave", bodyStart, StringComparison.Ordinal), "the label comes first");
        html.ShouldContain("color:#ffc000");
        html.ShouldContain("<strong>intrusions</strong>");
        html.ShouldContain("Dear Marie &lt;Dubois&gt;,");
        html.ShouldContain("Exchangeable &lt;Mail&gt; Server");
        html.ShouldContain("https://www.cve.org/CVERecord?id=CVE-2026-1234");
        html.ShouldContain("href=\"https://portal.test/briefings/2026-11-25\"");
        html.ShouldContain("You receive this email because");
        html.ShouldContain("https://portal.test/unsubscribe/");
        html.ShouldNotContain("\u0001");

        var text = message.TextBody!;
        text.ShouldStartWith("TLP:AMBER");
        text.ShouldContain("Dear Marie <Dubois>,");
        text.ShouldContain("Shipping firms report **intrusions**.");
        text.ShouldContain("CVE-2026-1234 (Critical) Exchangeable <Mail> Server: Pre-auth RCE");
        text.ShouldContain("Read it on the portal: https://portal.test/briefings/2026-11-25");
    }

    [Fact]
    public void ToMime_Recipient_CarriesOneClickUnsubscribeHeadersWithTheMembersToken()
    {
        // Arrange
        var template = CreateComposer().Render(CreateBriefing());

        // Act
        using var message = template.ToMime(Marie, MailboxAddress.Parse(Marie.Email));

        // Assert
        var header = message.Headers[HeaderId.ListUnsubscribe];
        header.ShouldStartWith("<https://portal.test/unsubscribe/");
        header.ShouldEndWith(">");
        message.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var token = header[("<https://portal.test/unsubscribe/".Length)..^1];
        _tokens.ReadMemberId(token).ShouldBe(Marie.MemberId);
        message.HtmlBody!.ShouldContain(token);
        message.TextBody!.ShouldContain("Unsubscribe: https://portal.test/unsubscribe/" + token);
    }

    [Fact]
    public void ToMime_TwoRecipients_EachGetTheirOwnMessage()
    {
        // Arrange
        var template = CreateComposer().Render(CreateBriefing());
        var jonas = new BriefingRecipient("7d1e2f3a-0000-4000-8000-000000000002", "j.schneider@example.org", "Jonas Schneider");

        // Act
        using var first = template.ToMime(Marie, MailboxAddress.Parse(Marie.Email));
        using var second = template.ToMime(jonas, MailboxAddress.Parse(jonas.Email));

        // Assert
        second.HtmlBody!.ShouldContain("Dear Jonas Schneider,");
        second.HtmlBody!.ShouldNotContain("Marie");
        first.HtmlBody!.ShouldNotContain("Jonas");
        second.MessageId.ShouldNotBe(first.MessageId);
    }

    [Fact]
    public void MessageId_SameBriefingAndMember_IsStableAndUsesTheSendersDomain()
    {
        // Arrange
        var briefingId = Guid.Parse("0194f7a0-1234-7abc-8def-0123456789ab");

        // Act
        var first = BriefingEmail.MessageId(briefingId, Marie.MemberId, "briefing@cec.test");
        var again = BriefingEmail.MessageId(briefingId, Marie.MemberId, "briefing@cec.test");
        var other = BriefingEmail.MessageId(briefingId, "someone-else", "briefing@cec.test");

        // Assert
        first.ShouldBe($"briefing.0194f7a012347abc8def0123456789ab.{Marie.MemberId}@cec.test");
        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void ToMime_SentTwice_KeepsTheMessageId()
    {
        // Arrange
        var briefing = CreateBriefing();
        var template = CreateComposer().Render(briefing);

        // Act
        using var first = template.ToMime(Marie, MailboxAddress.Parse(Marie.Email));
        using var retry = CreateComposer().Render(briefing).ToMime(Marie, MailboxAddress.Parse(Marie.Email));

        // Assert
        first.MessageId.ShouldBe(BriefingEmail.MessageId(briefing.Id, Marie.MemberId, "briefing@cec.test"));
        retry.MessageId.ShouldBe(first.MessageId);
    }

    [Fact]
    public async Task ToMime_WrittenOut_DecodesToTheFilledTemplateWithShortLines()
    {
        // Arrange
        var briefing = Briefing.Create(
            new DateOnly(2026, 11, 25),
            new BriefingContent("Zürich façade", "Ünïcödé body " + new string('x', 500), "<p>Ünïcödé " + new string('y', 500) + " =3D trailing </p>", TlpLabel.Green, []),
            "editor-id",
            Now);
        var template = CreateComposer().Render(briefing);
        var siobhan = new BriefingRecipient(Marie.MemberId, "s.murphy@example.org", "Siobhán Ó Murchú");

        // Act
        using var message = template.ToMime(siobhan, MailboxAddress.Parse(siobhan.Email));
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream, TestContext.Current.CancellationToken);
        var raw = System.Text.Encoding.ASCII.GetString(stream.ToArray());
        stream.Position = 0;
        using var received = await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken);

        // Assert
        var unsubscribeUrl = received.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        received.HtmlBody.ShouldBe(template.Html(siobhan, unsubscribeUrl));
        received.TextBody.ShouldBe(template.Text(siobhan, unsubscribeUrl));
        received.TextBody!.ShouldContain("Dear Siobhán Ó Murchú,");
        raw.Split('\n').ShouldAllBe(line => line.Length <= 998);
        raw.ShouldAllBe(c => c < 128, "quoted-printable keeps the message 7-bit");
    }

    [Fact]
    public void Render_ContentWithTheBlankMarker_CannotOpenABlank()
    {
        // Arrange
        var briefing = CreateBriefing(title: "Title \u0001unsubscribe\u0001 trick");

        // Act
        using var message = CreateComposer().Render(briefing).ToMime(Marie, MailboxAddress.Parse(Marie.Email));

        // Assert
        message.HtmlBody!.ShouldContain("Title unsubscribe trick");
    }

    [Fact]
    public void Render_BodyStoredWithARemoteImage_MailsALinkInstead()
    {
        // Arrange: HTML saved before remote images became links.
        var briefing = Briefing.Create(
            new DateOnly(2026, 11, 25),
            new BriefingContent("Stored pixel", "![x](https://tracker.example/p.gif)", "<p><img src=\"https://tracker.example/p.gif\" alt=\"x\"></p>", TlpLabel.Green, []),
            "editor",
            Now);

        // Act
        using var message = CreateComposer().Render(briefing).ToMime(Marie, MailboxAddress.Parse(Marie.Email));

        // Assert
        message.HtmlBody!.ShouldNotContain("<img");
        message.HtmlBody!.ShouldContain("<a href=\"https://tracker.example/p.gif\" rel=\"noopener noreferrer nofollow\">x</a>");
    }

    internal static BriefingEmail CreateComposer(UnsubscribeTokens tokens, DkimSigning? dkim = null)
    {
        return new BriefingEmail(
            new PortalUrls(Options.Create(new PortalOrigin { BaseUrl = "https://portal.test" })),
            tokens,
            dkim ?? new DkimSigning(Options.Create(new DkimOptions())),
            new MarkdownRenderer(),
            Options.Create(new EmailOptions { FromAddress = "briefing@cec.test", FromName = "CEC Briefing" }));
    }

    private BriefingEmail CreateComposer() => CreateComposer(_tokens);
}
