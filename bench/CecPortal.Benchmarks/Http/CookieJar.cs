namespace CecPortal.Benchmarks.Http;

/// <summary>
/// Keeps cookies by name and sends them back on every request. The portal runs in Production over plain HTTP on
/// loopback and marks its sign-in cookie Secure, which HttpClient's own CookieContainer would then not send.
/// </summary>
internal sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CookieJar(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>The Cookie header a browser holding these cookies would send.</summary>
    public string Header
    {
        get
        {
            lock (_gate)
            {
                return string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
            }
        }
    }

    /// <summary>A client without automatic redirects (tests and benchmarks look at the 302s), keeping its cookies here.</summary>
    public static HttpClient NewClient(Uri baseAddress, out CookieJar jar)
    {
        jar = new CookieJar(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        return new HttpClient(jar) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = Header;
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            lock (_gate)
            {
                foreach (var value in values)
                {
                    var pair = value.Split(';', 2)[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        continue;
                    }

                    var name = pair[..equals].Trim();
                    var content = pair[(equals + 1)..].Trim();
                    var expired = value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                    if (content.Length == 0 || expired)
                    {
                        _cookies.Remove(name);
                    }
                    else
                    {
                        _cookies[name] = content;
                    }
                }
            }
        }

        return response;
    }
}
