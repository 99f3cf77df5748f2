namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>The outcome of a change: refused with a message for one form field, or done (with new recovery codes, if any).</summary>
public sealed record TwoFactorChange(string? ErrorField, string? Error, IReadOnlyList<string> RecoveryCodes)
{
    public bool Succeeded => Error is null;

    public static TwoFactorChange Done(IReadOnlyList<string>? recoveryCodes = null) => new(null, null, recoveryCodes ?? []);

    public static TwoFactorChange Refused(string field, string error) => new(field, error, []);
}
