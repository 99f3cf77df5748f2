namespace CecPortal.Web.Features.Profile;

public enum EmailChangeRequestResult
{
    Requested,
    SameAddress,
    WrongPassword,
    LockedOut,
    AddressTaken,

    /// <summary>The address has characters Identity does not allow in a user name (the sign-in name is the email).</summary>
    UnusableAddress,
}
