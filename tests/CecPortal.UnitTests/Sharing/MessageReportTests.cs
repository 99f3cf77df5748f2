using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Sharing;

/// <summary>A report guards its own rules: a copy of the text as reported, not one's own or a gone message, a note when "other", closed once.</summary>
public sealed class MessageReportTests
{
    private static readonly DateTimeOffset Posted = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Moderator = new("moderator", "moderator@example.eu");

    [Fact]
    public void File_AnotherMembersMessage_KeepsACopyThatALaterEditDoesNotChange()
    {
        // Arrange
        var message = Post();

        // Act
        var report = MessageReport.File(message, "reader", ReportReason.TlpBreach, "  Shared from a RED briefing.  ", Posted.AddMinutes(1));
        message.Edit("author", new MessageBody("Cleaned up", "<p>Cleaned up</p>"), TlpLabel.Red, TimeSpan.FromMinutes(15), Posted.AddMinutes(2));

        // Assert
        (report.MessageId, report.ReporterId, report.Reason, report.Note).ShouldBe((message.Id, "reader", ReportReason.TlpBreach, "Shared from a RED briefing."));
        (report.ReportedBody, report.ReportedTlp).ShouldBe(("Original", TlpLabel.Amber));
        report.IsOpen.ShouldBeTrue();
        report.DiffersFrom(message).ShouldBeTrue();
    }

    [Fact]
    public void File_OwnMessage_Refused() =>
        Should.Throw<SharingRuleException>(() => MessageReport.File(Post(), "author", ReportReason.Spam, null, Posted)).Message.ShouldContain("your own message");

    [Fact]
    public void File_DeletedMessage_Refused()
    {
        // Arrange
        var message = Post();
        message.Delete("author", Posted);

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => MessageReport.File(message, "reader", ReportReason.Spam, null, Posted));

        // Assert
        refusal.Message.ShouldContain("deleted");
    }

    [Fact]
    public void File_HiddenMessage_Refused()
    {
        // Arrange
        var message = Post();
        message.Hide(Moderator, "Off topic.", Posted);

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => MessageReport.File(message, "reader", ReportReason.Spam, null, Posted));

        // Assert
        refusal.Message.ShouldContain("already hidden");
    }

    [Theory]
    [InlineData(ReportReason.Other, null, "Note")]
    [InlineData(ReportReason.Other, "   ", "Note")]
    [InlineData((ReportReason)99, "Why not", "Reason")]
    public void File_MissingOrUnknownReason_RefusedOnItsField(ReportReason reason, string? note, string field) =>
        Should.Throw<SharingRuleException>(() => MessageReport.File(Post(), "reader", reason, note, Posted)).Field.ShouldBe(field);

    [Fact]
    public void File_NoteOverTheLimit_Refused()
    {
        // Act
        var refusal = Should.Throw<SharingRuleException>(() => MessageReport.File(Post(), "reader", ReportReason.Abusive, new string('x', MessageReport.MaxNoteLength + 1), Posted));

        // Assert
        refusal.Field.ShouldBe("Note");
        refusal.Message.ShouldContain("1,000");
    }

    [Fact]
    public void Resolve_Twice_RefusedAndTheFirstDecisionStands()
    {
        // Arrange
        var report = MessageReport.File(Post(), "reader", ReportReason.Misleading, null, Posted);
        report.Resolve(Moderator, ReportResolution.Dismissed, Posted.AddHours(1));

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => report.Resolve(Moderator, ReportResolution.MessageHidden, Posted.AddHours(2)));

        // Assert
        refusal.Message.ShouldContain("already closed");
        (report.Resolution, report.ResolvedAt, report.ResolvedById).ShouldBe((ReportResolution.Dismissed, Posted.AddHours(1), "moderator"));
        report.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Unhide_AMessageThatIsNotHidden_Refused() =>
        Should.Throw<SharingRuleException>(Post().Unhide).Message.ShouldContain("not hidden");

    private static Message Post() =>
        Message.Post(Topic.Start(Guid.CreateVersion7(), "Subject", "author", Posted), "author", new MessageBody("Original", "<p>Original</p>"), TlpLabel.Amber, Posted);
}
