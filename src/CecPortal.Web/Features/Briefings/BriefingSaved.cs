namespace CecPortal.Web.Features.Briefings;

/// <summary>The outcome of a write, for the status message.</summary>
public sealed record BriefingSaved(Guid Id, DateOnly EditionDate, BriefingStatus Status, int Revision, bool ContentChanged);
