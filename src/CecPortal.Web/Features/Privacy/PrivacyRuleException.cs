namespace CecPortal.Web.Features.Privacy;

/// <summary>A privacy-notice change or acceptance the rules refuse; the message is shown to the person who tried it.</summary>
public sealed class PrivacyRuleException(string message) : RuleException(message);
