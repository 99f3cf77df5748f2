namespace CecPortal.Web.Features.Membership.Applications;

/// <summary>A step in an application's life that the rules refuse; the message is shown to the person who tried it.</summary>
public sealed class ApplicationRuleException(string message) : RuleException(message);
