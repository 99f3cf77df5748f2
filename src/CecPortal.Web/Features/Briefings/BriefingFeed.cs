using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Encodings.Web;
using System.Xml;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// The members' Atom 1.0 feed of readable briefings. TLP:RED entries carry only the title, the label and the link:
/// RED content must not sit in feed readers, which keep it outside the portal.
/// </summary>
public sealed class BriefingFeed(BriefingReader reader, PortalUrls urls)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var entries = await reader.FeedEntriesAsync(cancellationToken);
        var home = new Uri(urls.Absolute("/briefings"));
        var feed = new SyndicationFeed(
            "CEC daily briefing",
            "The CISOs European Community's daily briefing on cybersecurity news and vulnerabilities. For members only.",
            home)
        {
            Id = home.AbsoluteUri,
            LastUpdatedTime = entries.Count > 0 ? entries.Max(LastChange) : DateTimeOffset.UnixEpoch,
            Items = [.. entries.Select(Item)],
        };
        feed.Authors.Add(new SyndicationPerson { Name = "CISOs European Community" });

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }

    private SyndicationItem Item(FeedEntry entry)
    {
        var link = new Uri(urls.Absolute(BriefingDates.PathOf(entry.EditionDate)));
        var item = new SyndicationItem
        {
            Id = link.AbsoluteUri,
            Title = new TextSyndicationContent($"{entry.Title} ({entry.EditionDate.ToRouteValue()})"),
            PublishDate = entry.PublishedAt,
            LastUpdatedTime = LastChange(entry),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(link, "text/html"));
        item.Categories.Add(new SyndicationCategory(entry.Tlp.Display()));
        if (entry.Tlp == TlpLabel.Red)
        {
            item.Summary = new TextSyndicationContent($"{entry.Tlp.Display()}: {entry.Tlp.Meaning()} Read it in the portal.");
        }
        else
        {
            item.Content = SyndicationContent.CreateHtmlContent(ContentHtml(entry));
        }

        return item;
    }

    /// <summary>A briefing written the day before counts as updated when it was published.</summary>
    private static DateTimeOffset LastChange(FeedEntry entry) => entry.UpdatedAt > entry.PublishedAt ? entry.UpdatedAt : entry.PublishedAt;

    /// <summary>The label first (as on the page), the sanitized body, then the vulnerability entries, all encoded.</summary>
    internal static string ContentHtml(FeedEntry entry)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<p><strong>").Append(encoder.Encode(entry.Tlp.Display())).Append("</strong> ").Append(encoder.Encode(entry.Tlp.Meaning())).Append("</p>");
        html.Append(entry.BodyHtml);
        if (entry.Vulnerabilities.Count > 0)
        {
            html.Append("<h2>Vulnerabilities</h2><ul>");
            foreach (var vulnerability in entry.Vulnerabilities)
            {
                html.Append("<li><strong>").Append(encoder.Encode(vulnerability.CveId)).Append("</strong> ")
                    .Append(encoder.Encode(vulnerability.Product)).Append(" (").Append(encoder.Encode(vulnerability.Severity.ToString())).Append("): ")
                    .Append(encoder.Encode(vulnerability.Summary)).Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.ToString();
    }
}
