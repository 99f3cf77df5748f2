namespace CecPortal.Web.Features.Briefings;

/// <summary>An edition and the dates of the readable editions before and after it (null at either end).</summary>
public sealed record EditionPage(BriefingView Briefing, DateOnly? Previous, DateOnly? Next);
