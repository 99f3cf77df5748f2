namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>A breach notice the rules refuse; the message is shown to the Admin who tried to send it.</summary>
public sealed class BreachRuleException(string message) : RuleException(message);
