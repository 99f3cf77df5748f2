namespace CecPortal.Web.Features.Membership.Applications;

/// <summary>What a status link is worth for its application.</summary>
public enum StatusLinkCheck
{
    /// <summary>Not a link the portal made for this application (or the application is gone).</summary>
    Invalid,

    Valid,

    /// <summary>A real link, but the application was decided longer ago than the links live: a fresh one can be requested.</summary>
    Expired,
}
