namespace CecPortal.Web.Features.Consultations;

/// <summary>Whether staff may ever see who answered what; stated to members before they answer and fixed once open.</summary>
public enum ConsultationMode
{
    /// <summary>Staff never see who answered what: only aggregates that single no one out.</summary>
    Anonymous,

    /// <summary>Staff may see the names of members who choose, answer set by answer set, to be named.</summary>
    Attributed,
}
