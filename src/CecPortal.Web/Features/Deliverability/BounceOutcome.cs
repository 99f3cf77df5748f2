namespace CecPortal.Web.Features.Deliverability;

/// <summary>What recording one report did.</summary>
public enum BounceOutcome
{
    /// <summary>Recorded and applied to its member.</summary>
    Recorded,

    /// <summary>Recorded, but its message could not be traced to a member (gone, or not ours).</summary>
    Unmapped,

    /// <summary>Already recorded (the same report read again): nothing changed.</summary>
    Duplicate,
}
