namespace CecPortal.Web.Features.Briefings;

/// <summary>Field limits shared by the entity, its configuration and the authoring form.</summary>
public static class BriefingLimits
{
    public const int Title = 200;
    public const int Body = 100_000;
    public const int VulnerabilityEntries = 50;
    public const int CveId = 20;
    public const int Product = 200;
    public const int Summary = 300;
    public const int Link = 500;
}
