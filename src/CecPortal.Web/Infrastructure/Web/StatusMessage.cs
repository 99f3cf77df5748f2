using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// The one-line confirmation a successful post leaves for the page it redirects to (Post-Redirect-Get). It travels in
/// TempData under one key, so it is shown once; <c>Shared/_StatusMessage.cshtml</c> renders it in the layout.
/// </summary>
public static class StatusMessage
{
    public const string Key = "StatusMessage";

    public static void SetStatusMessage(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>The message left by the previous request, if any; reading it uses it up.</summary>
    public static string? TakeStatusMessage(this ITempDataDictionary tempData) => tempData[Key] as string;
}
