namespace CecPortal.Web.Features.Account.BreachedPasswords;

/// <summary>The range API, as a typed HTTP client (its address and timeout are set where it is registered).</summary>
public sealed class BreachedPasswordClient(HttpClient http)
{
    /// <summary>How often the password appears in the API's breach corpus (0: not listed). Throws when the API cannot answer.</summary>
    public async Task<long> CountAsync(string password, CancellationToken cancellationToken)
    {
        var (prefix, suffix) = PwnedRange.Split(password);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"range/{prefix}", UriKind.Relative));
        // Padding hides from an observer how many suffixes the prefix has, and so which prefix it was.
        request.Headers.Add("Add-Padding", "true");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return PwnedRange.Count(await response.Content.ReadAsStringAsync(cancellationToken), suffix);
    }

    public static void Configure(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<BreachedPasswordOptions>>().Value;
        if (options.IsEnabled)
        {
            client.BaseAddress = new Uri(options.RangeApiUrl!.TrimEnd('/') + "/");
        }

        client.Timeout = options.Timeout;
    }
}
