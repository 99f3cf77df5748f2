namespace CecPortal.Web.Features.Briefings;

/// <summary>A change the briefing's rules refuse; the message is shown to the editor.</summary>
public sealed class BriefingRuleException(string message) : RuleException(message);
