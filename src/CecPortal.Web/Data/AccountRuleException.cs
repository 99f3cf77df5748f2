namespace CecPortal.Web.Data;

/// <summary>A staff action on an account that the rules refuse; the message is shown to the person who tried it.</summary>
public sealed class AccountRuleException(string message) : RuleException(message);
