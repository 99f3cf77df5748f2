namespace CecPortal.Web.Features.Profile;

/// <summary>A field the profile rules refuse; <see cref="RuleException.Field"/> names the input the message belongs under.</summary>
public sealed class ProfileRuleException(string field, string message) : RuleException(message, field);
