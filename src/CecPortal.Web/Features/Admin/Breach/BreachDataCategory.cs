namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>The kinds of personal data a breach can touch; an Admin picks one or more.</summary>
[Flags]
public enum BreachDataCategory
{
    None = 0,
    Profile = 1,
    Applications = 2,
    BriefingDeliveries = 4,
    WebinarRegistrations = 8,
    SignInHistory = 16,
}
