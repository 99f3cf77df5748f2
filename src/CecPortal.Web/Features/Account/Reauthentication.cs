namespace CecPortal.Web.Features.Account;

/// <summary>The answer to "type your password again" on a page that changes the account.</summary>
public enum Reauthentication
{
    Confirmed,
    WrongPassword,

    /// <summary>Too many wrong passwords: the account is locked and this session has been signed out.</summary>
    LockedOut,
}
