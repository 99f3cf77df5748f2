namespace CecPortal.Web.Features.Membership.Applications;

public static class ApplicationLimits
{
    public const int Name = 200;
    public const int Email = 254;
    public const int Title = 150;
    public const int Organisation = 200;
    public const int Url = 300;
    public const int SectorDescription = 200;
    public const int Motivation = 2000;
    public const int Note = 2000;
}
