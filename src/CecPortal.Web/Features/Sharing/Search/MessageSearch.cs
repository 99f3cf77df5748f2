namespace CecPortal.Web.Features.Sharing.Search;

/// <summary>Validated search input: every part optional; <see cref="ChannelId"/> is one the member may read.</summary>
public sealed record MessageSearch(string? Text, Guid? ChannelId, DateOnly? From, DateOnly? To)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && ChannelId is null && From is null && To is null;
}
