namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>What an authenticator app needs to start making codes: the key as text and as a QR code.</summary>
public sealed record AuthenticatorEnrolment(string Key, string FormattedKey, string OtpauthUri, string QrCodeDataUri);
