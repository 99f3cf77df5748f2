namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>Why a member reports a message: a short list, so the queue can be read at a glance; "other" needs a note.</summary>
public enum ReportReason
{
    /// <summary>The label is too loose for what the message shares, or it passes on something beyond its source's label.</summary>
    TlpBreach = 1,

    /// <summary>It exposes personal data or an organisation's confidential details that should not be here.</summary>
    ConfidentialData = 2,

    Abusive = 3,

    Spam = 4,

    Misleading = 5,

    Other = 6,
}
