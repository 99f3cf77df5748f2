namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>What the security page shows about a person's two-step sign-in.</summary>
public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool MustUseTwoFactor);
