namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>A change the webinar rules refuse; the message is shown to the person who tried it.</summary>
public sealed class WebinarRuleException(string message) : RuleException(message);
