namespace CecPortal.Web.Features.Briefings;

public sealed record ArchiveEntry(DateOnly EditionDate, string Title, TlpLabel Tlp, int VulnerabilityCount);
