namespace CecPortal.Web.Features.Briefings;

/// <summary>The status change an editor asks for together with (or instead of) saving the text.</summary>
public enum BriefingStep
{
    None,
    Schedule,
    Unschedule,
    Publish,
}
