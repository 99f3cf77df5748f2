namespace CecPortal.Web.Features.Admin.Sharing;

/// <summary>The fields the new-channel and edit-channel forms share, with what the label picker offers on each.</summary>
public interface IChannelFields
{
    string? Description { get; }

    TlpLabel? DefaultTlp { get; }

    /// <summary>The labels the picker offers (TLP:RED only where the channel may carry it).</summary>
    IEnumerable<TlpLabel> TlpChoices { get; }

    /// <summary>The label selected when the form is shown.</summary>
    TlpLabel TlpSelected { get; }

    /// <summary>The sentence under the picker that says where TLP:RED is allowed.</summary>
    string TlpRedRule { get; }
}
