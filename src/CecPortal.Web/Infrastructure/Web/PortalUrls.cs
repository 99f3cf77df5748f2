namespace CecPortal.Web.Infrastructure.Web;

/// <summary>Absolute links for emails: the current request's address, or <c>Portal:BaseUrl</c> outside a request (jobs, commands).</summary>
public sealed class PortalUrls(IHttpContextAccessor httpContext, IConfiguration configuration)
{
    public string Absolute(string pathAndQuery)
    {
        var request = httpContext.HttpContext?.Request;
        var baseUrl = request is not null
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configuration["Portal:BaseUrl"] ?? "http://localhost:5080";
        return baseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
    }
}
