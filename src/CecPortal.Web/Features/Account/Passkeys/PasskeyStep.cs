namespace CecPortal.Web.Features.Account.Passkeys;

/// <summary>The outcome of a passkey step: refused with a message for one form field, or done (with the browser's options JSON, if any).</summary>
public sealed record PasskeyStep(string? ErrorField, string? Error, string? OptionsJson = null)
{
    public bool Succeeded => Error is null;

    public static PasskeyStep Done(string? optionsJson = null) => new(null, null, optionsJson);

    public static PasskeyStep Refused(string field, string error) => new(field, error);
}
