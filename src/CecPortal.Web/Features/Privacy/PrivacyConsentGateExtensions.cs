namespace CecPortal.Web.Features.Privacy;

public static class PrivacyConsentGateExtensions
{
    /// <summary>After authentication and authorization, so that it knows the user and the endpoint's metadata.</summary>
    public static IApplicationBuilder UsePrivacyConsentGate(this IApplicationBuilder app) => app.UseMiddleware<PrivacyConsentGate>();
}
