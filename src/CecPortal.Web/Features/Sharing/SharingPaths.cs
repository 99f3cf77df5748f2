namespace CecPortal.Web.Features.Sharing;

/// <summary>Small pieces of the sharing space's addresses that several pages build.</summary>
public static class SharingPaths
{
    /// <summary>The id of a message's element on its topic page, and so the fragment of its permalink's redirect.</summary>
    public static string Anchor(Guid messageId) => "m-" + messageId.ToString("N");
}
