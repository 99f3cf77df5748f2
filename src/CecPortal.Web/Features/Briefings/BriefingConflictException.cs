namespace CecPortal.Web.Features.Briefings;

/// <summary>The briefing changed since the editor opened it (its <c>xmin</c> version moved on).</summary>
public sealed class BriefingConflictException()
    : Exception("Someone else saved this briefing meanwhile; your text is kept below, reload to see theirs.");
