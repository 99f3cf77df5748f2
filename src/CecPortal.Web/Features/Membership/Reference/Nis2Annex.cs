namespace CecPortal.Web.Features.Membership.Reference;

public enum Nis2Annex
{
    /// <summary>Not a NIS2 sector (the "Other" choice).</summary>
    None = 0,

    /// <summary>Annex I: sectors of high criticality.</summary>
    HighCriticality = 1,

    /// <summary>Annex II: other critical sectors.</summary>
    OtherCritical = 2,
}
