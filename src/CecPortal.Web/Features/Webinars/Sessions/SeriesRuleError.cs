namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>A problem with a proposed series rule; <see cref="Field"/> names the <see cref="SeriesRule"/> property.</summary>
public sealed record SeriesRuleError(string Field, string Message);
