namespace CecPortal.Web.SharedKernel;

/// <summary>Traffic Light Protocol 2.0 labels (FIRST). The community's default is AMBER.</summary>
public enum TlpLabel
{
    Clear = 0,
    Green = 1,
    Amber = 2,
    AmberStrict = 3,
    Red = 4,
}
