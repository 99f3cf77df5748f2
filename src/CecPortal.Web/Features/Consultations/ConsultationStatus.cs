namespace CecPortal.Web.Features.Consultations;

/// <summary>Where a consultation is in its life; it only moves forward.</summary>
public enum ConsultationStatus
{
    /// <summary>Staff are writing it; members do not see it.</summary>
    Draft,

    /// <summary>Announced to its audience, who may answer until the deadline.</summary>
    Open,

    /// <summary>No more answers; staff see the results and write the position paper.</summary>
    Closed,

    /// <summary>The position paper (and later the institution's response) is shown to the members.</summary>
    Published,
}
