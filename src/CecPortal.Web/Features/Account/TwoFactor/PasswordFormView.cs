namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>One password-confirmed form on the security page.</summary>
public sealed record PasswordFormView(string Form, string Handler, string Button, string ButtonClass, string? FailedForm);
