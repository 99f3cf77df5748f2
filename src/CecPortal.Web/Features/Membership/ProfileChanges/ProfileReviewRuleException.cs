namespace CecPortal.Web.Features.Membership.ProfileChanges;

/// <summary>A step on a profile change that its rules refuse; <see cref="RuleException.Field"/> names the input the message belongs under.</summary>
public sealed class ProfileReviewRuleException(string message, string? field = null) : RuleException(message, field);
