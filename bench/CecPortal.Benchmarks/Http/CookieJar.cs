namespace CecPortal.Benchmarks.Http;

/// <summary>
/// A browser's cookies for one site: kept by name, sent back on every request, replaced by every Set-Cookie. The portal
/// runs in Production over plain HTTP on loopback and marks its sign-in cookie Secure, which HttpClient's own
/// CookieContainer would then not send. Replacing matters under load too: the portal re-issues the sign-in cookie when
/// it re-validates the security stamp (every minute), and a client that kept the old one would pay that on every request.
/// </summary>
internal sealed class SessionCookies
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string _header = string.Empty;

    /// <summary>The Cookie header a browser holding these cookies would send (empty when there are none).</summary>
    public string Header
    {
        get
        {
            lock (_gate)
            {
                return _header;
            }
        }
    }

    public void AddTo(HttpRequestMessage request)
    {
        var header = Header;
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }
    }

    public void Remember(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            Remember(values);
        }
    }

    /// <summary>Keeps the cookies of Set-Cookie header values (from a response, or from a sign-in made in-process).</summary>
    public void Remember(IEnumerable<string> values)
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
                if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = content;
                }
            }

            _header = string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
        }
    }
}

/// <summary>Sends and keeps <see cref="SessionCookies"/> for the client it sits in.</summary>
internal sealed class CookieJar(SessionCookies cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>A client without automatic redirects (the benchmarks look at the 302s) that keeps its cookies in <paramref name="cookies"/>.</summary>
    public static HttpClient NewClient(Uri baseAddress, SessionCookies cookies) =>
        new(new CookieJar(cookies, new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cookies.AddTo(request);
        var response = await base.SendAsync(request, cancellationToken);
        cookies.Remember(response);
        return response;
    }
}
