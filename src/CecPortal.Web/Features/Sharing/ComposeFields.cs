using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Features.Sharing;

/// <summary>What <c>_Compose.cshtml</c> needs: the typed text, the label choices and any errors, under one form prefix.</summary>
public sealed record ComposeFields(string Prefix, string? Body, TlpLabel Selected, TlpLabel ChannelDefault, IReadOnlyList<TlpLabel> Choices, string? BodyError, string? TlpError, int Rows)
{
    public static ComposeFields For(string prefix, MessageInput input, ChannelKind kind, TlpLabel channelDefault, ModelStateDictionary modelState, int rows = 5)
    {
        var selected = TlpRules.TryParse(input.Tlp, out var typed) && !string.IsNullOrWhiteSpace(input.Tlp) ? typed : channelDefault;
        return new ComposeFields(
            prefix,
            input.Body,
            selected,
            channelDefault,
            MessageTlp.Choices(kind, channelDefault),
            Error(modelState, $"{prefix}.{nameof(MessageInput.Body)}"),
            Error(modelState, $"{prefix}.{nameof(MessageInput.Tlp)}"),
            rows);
    }

    private static string? Error(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
