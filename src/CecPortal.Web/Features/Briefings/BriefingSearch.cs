namespace CecPortal.Web.Features.Briefings;

/// <summary>Validated search input: every part optional.</summary>
public sealed record BriefingSearch(string? Text, DateOnly? From, DateOnly? To, TlpLabel? Tlp)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && From is null && To is null && Tlp is null;
}
