using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Privacy;

/// <summary>The current privacy notice and the data inventory, for anyone.</summary>
public sealed class IndexModel(PrivacyConsent consent, MarkdownRenderer markdown, IOptions<RetentionOptions> retention) : PageModel
{
    public PrivacyConsent.NoticeView Notice { get; private set; } = null!;

    public string NoticeHtml { get; private set; } = string.Empty;

    public IReadOnlyList<DataInventory.Entry> Inventory { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = await consent.CurrentAsync(cancellationToken);
        NoticeHtml = markdown.Render(Notice.Markdown);
        Inventory = DataInventory.For(retention.Value);
    }
}
