namespace CecPortal.Web.Features.Membership.Attestation;

public static class AttestationPaths
{
    /// <summary>Where a member confirms their role, and where a lapsed member is sent.</summary>
    public const string Attest = "/membership/attest";

    /// <summary>Where a member ends their membership and keeps an alumni record.</summary>
    public const string Leave = "/profile/leave";
}
