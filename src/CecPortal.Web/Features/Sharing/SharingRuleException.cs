namespace CecPortal.Web.Features.Sharing;

/// <summary>A change the sharing space's rules refuse; the message is shown to the member who tried it.</summary>
public sealed class SharingRuleException(string message, string? field = null) : RuleException(message, field);
