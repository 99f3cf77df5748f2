using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Sharing;

/// <summary>A message guards its own state: edits by the author within the window, only stricter labels, deletion as a tombstone.</summary>
public sealed class MessageTests
{
    private static readonly DateTimeOffset Posted = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public void Edit_ByTheAuthorWithinTheWindow_ReplacesTheTextAndKeepsTheEarlierOne()
    {
        // Arrange
        var message = Post();

        // Act
        var revision = message.Edit("author", new MessageBody("Fixed", "<p>Fixed</p>"), TlpLabel.AmberStrict, Window, Posted.AddMinutes(15));

        // Assert
        message.BodyMarkdown.ShouldBe("Fixed");
        message.Tlp.ShouldBe(TlpLabel.AmberStrict);
        message.EditedAt.ShouldBe(Posted.AddMinutes(15));
        revision.BodyMarkdown.ShouldBe("Original");
        revision.Tlp.ShouldBe(TlpLabel.Amber);
    }

    [Fact]
    public void Edit_AfterTheWindow_Refused()
    {
        // Arrange
        var message = Post();

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => message.Edit("author", new MessageBody("Late", "<p>Late</p>"), TlpLabel.Amber, Window, Posted.AddMinutes(16)));

        // Assert
        refusal.Message.ShouldContain("15 minutes");
        message.BodyMarkdown.ShouldBe("Original");
    }

    [Fact]
    public void Edit_ByAnotherMember_Refused()
    {
        // Arrange
        var message = Post();

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => message.Edit("someone-else", new MessageBody("Mine now", "<p>Mine now</p>"), TlpLabel.Amber, Window, Posted));

        // Assert
        refusal.Message.ShouldContain("Only its author");
    }

    [Fact]
    public void Edit_LooserLabelThanPosted_Refused()
    {
        // Arrange
        var message = Post(TlpLabel.AmberStrict);

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => message.Edit("author", new MessageBody("Looser", "<p>Looser</p>"), TlpLabel.Amber, Window, Posted));

        // Assert
        refusal.Field.ShouldBe("Tlp");
        message.Tlp.ShouldBe(TlpLabel.AmberStrict);
    }

    [Fact]
    public void Delete_ByTheAuthor_EmptiesTheBodyAndCannotBeEditedAfter()
    {
        // Arrange
        var message = Post();

        // Act
        message.Delete("author", Posted.AddMinutes(1));

        // Assert
        (message.BodyMarkdown, message.BodyHtml).ShouldBe((string.Empty, string.Empty));
        message.IsDeleted.ShouldBeTrue();
        message.MayBeEditedBy("author", Window, Posted.AddMinutes(2)).ShouldBeFalse();
    }

    [Fact]
    public void MentionedNames_ZulipSyntax_EachNameOnce()
    {
        // Act
        var names = MessageWriter.MentionedNames("Hi @**Marie Dubois** and @**Jonas Schneider**; @**Marie Dubois** again, not @Marie or **bold**.");

        // Assert
        names.ShouldBe(["Marie Dubois", "Jonas Schneider"]);
    }

    [Theory]
    [InlineData("  Phishing   wave \t today ", "Phishing wave today")]
    [InlineData("Short", "Short")]
    public void RequireSubject_Whitespace_CollapsedAndTrimmed(string typed, string stored)
    {
        // Act
        var subject = Topic.RequireSubject(typed);

        // Assert
        subject.ShouldBe(stored);
    }

    [Fact]
    public void RequireSubject_TooLong_Refused()
    {
        // Act
        var refusal = Should.Throw<SharingRuleException>(() => Topic.RequireSubject(new string('x', Topic.MaxSubjectLength + 1)));

        // Assert
        refusal.Field.ShouldBe("Subject");
    }

    private static Message Post(TlpLabel tlp = TlpLabel.Amber) =>
        Message.Post(Topic.Start(Guid.CreateVersion7(), "Subject", "author", Posted), "author", new MessageBody("Original", "<p>Original</p>"), tlp, Posted);
}
