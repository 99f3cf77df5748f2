namespace CecPortal.Web.Features.Profile;

public enum EmailChangeConfirmResult
{
    Changed,

    /// <summary>Altered, expired, or issued before a password change.</summary>
    InvalidLink,

    /// <summary>The change was cancelled, or replaced by a newer request.</summary>
    NoLongerPending,
    AddressTaken,
}
