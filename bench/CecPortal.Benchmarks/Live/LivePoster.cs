using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Benchmarks.Http;
using CecPortal.Testing;

namespace CecPortal.Benchmarks.Live;

/// <summary>
/// One member replying in their own topic at a fixed rate through the topic page's reply form (the antiforgery token
/// from one GET of the page, as a browser tab that stays open): open loop, each post sent when it is due whether the
/// previous one has been answered or not, so that a slow server cannot lower the offered load.
/// </summary>
internal sealed class LivePoster(int index, int member, SessionCookies cookies, Uri server, Guid topicId) : IDisposable
{
    private readonly HttpClient _client = CookieJar.NewClient(server, cookies);
    private readonly List<float> _postMilliseconds = [];
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string _token = string.Empty;
    private bool[] _accepted = [];

    public int Index { get; } = index;

    public int Member { get; } = member;

    public Uri Server { get; } = server;

    public Guid TopicId { get; } = topicId;

    public int Sent { get; private set; }

    public IReadOnlyList<float> PostMilliseconds => _postMilliseconds;

    public IReadOnlyDictionary<string, int> Failures => _failures;

    /// <summary>Whether the post of sequence number <paramref name="sequence"/> was answered with the redirect that follows a saved reply.</summary>
    public bool Accepted(int sequence) => sequence < _accepted.Length && _accepted[sequence];

    private string Path => $"/sharing/t/{TopicId}";

    /// <summary>Opens the topic page once for its reply form's antiforgery token (the cookie half comes with it).</summary>
    public async Task PrepareAsync()
    {
        var page = await _client.GetDocumentAsync(Path);
        _token = (page.QuerySelector("form[data-testid=reply-form] input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"The topic page of poster {Index} shows no reply form.");
    }

    /// <summary>
    /// Posts <paramref name="count"/> messages, one every <paramref name="interval"/> from <paramref name="start"/> (a
    /// Stopwatch timestamp), message number k = <paramref name="firstMessage"/> + sequence; its send time goes to <paramref name="sentAt"/>[k].
    /// </summary>
    public async Task RunAsync(long start, TimeSpan interval, int count, int firstMessage, long[] sentAt)
    {
        _accepted = new bool[count];
        var posts = new List<Task>(count);
        for (var sequence = 0; sequence < count; sequence++)
        {
            var due = start + (long)(sequence * interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            posts.Add(PostAsync(sequence, firstMessage + sequence, sentAt));
        }

        await Task.WhenAll(posts);
    }

    private async Task PostAsync(int sequence, int message, long[] sentAt)
    {
        var marker = LiveReader.MarkerPrefix + message.ToString("D" + LiveReader.MarkerDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = $"Anyone else seeing this? **Password spraying** against our VPN gateway from 203.0.113.{message % 250} since 09:50 UTC, {marker}. Blocked at the edge for now.",
            ["__RequestVerificationToken"] = _token,
        });
        string outcome;
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref sentAt[message], started);
        try
        {
            using var response = await _client.PostAsync(new Uri(Path, UriKind.Relative), content);
            outcome = response.StatusCode == HttpStatusCode.Redirect
                ? "ok"
                : response.StatusCode == HttpStatusCode.OK ? "form shown again (refused)" : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            outcome = LoadGenerator.Describe(ex);
        }

        var milliseconds = (float)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_gate)
        {
            Sent++;
            if (outcome == "ok")
            {
                _accepted[sequence] = true;
                _postMilliseconds.Add(milliseconds);
            }
            else
            {
                _failures[outcome] = _failures.GetValueOrDefault(outcome) + 1;
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
