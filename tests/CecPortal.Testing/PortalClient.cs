using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CecPortal.Testing;

/// <summary>Form posts the way a browser makes them: fields and the antiforgery token from the preceding GET.</summary>
public static class PortalClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}.");
        }

        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="url"/>, fills the form that holds an antiforgery token and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var form = await FindFormAsync(client, url, formSelector);
        var values = form.Elements
            .OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not "checkbox" and not "submit")
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await PostAsync(client, url, form, values);
    }

    /// <summary>
    /// For forms with repeated names, such as a list of checkboxes: <paramref name="fields"/> may name a field
    /// several times and replaces the form's values for every name it mentions. Checkboxes are sent only as
    /// given in <paramref name="fields"/>, as if the person had ticked exactly those.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormValuesAsync(this HttpClient client, string url, IReadOnlyList<KeyValuePair<string, string>> fields, string? formSelector = null)
    {
        var form = await FindFormAsync(client, url, formSelector);
        var given = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = form.Elements
            .OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not "checkbox" and not "submit" && !given.Contains(i.Name!))
            .GroupBy(i => i.Name!)
            .Select(g => KeyValuePair.Create(g.Key, g.First().Value))
            .Concat(fields);
        return await PostAsync(client, url, form, values);
    }

    private static async Task<IHtmlFormElement> FindFormAsync(HttpClient client, string url, string? formSelector)
    {
        var document = await client.GetDocumentAsync(url);
        // The page's own form lives in <main>; the layout's sign-out form sits in the header.
        return document.QuerySelector(formSelector ?? "main form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form found on {url}.");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> values)
    {
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return response;
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
}
