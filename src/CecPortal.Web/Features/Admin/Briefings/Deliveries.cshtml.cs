using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;

namespace CecPortal.Web.Features.Admin.Briefings;

/// <summary>How the morning email of one briefing went: counts, the failed addresses with their errors, and a retry.</summary>
public sealed class DeliveriesModel(BriefingDeliveryReport report) : PageModel
{
    public const int PageSize = 50;

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public BriefingDeliveryReport.Summary Briefing { get; private set; } = null!;

    public PageOf<BriefingDeliveryReport.FailedDelivery> Failed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await report.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        Briefing = summary;
        Failed = await report.FailedAsync(id, PageNumber, PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await report.SummaryAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            var count = await report.RetryFailedAsync(id, Actor.Of(User), cancellationToken);
            TempData.SetStatusMessage(count switch
            {
                0 => "There were no failed deliveries to retry.",
                1 => "1 failed delivery will be tried again.",
                _ => $"{count} failed deliveries will be tried again.",
            });
        }
        catch (BriefingRuleException ex)
        {
            TempData.SetStatusMessage(ex.Message);
        }

        return RedirectToPage(new { id });
    }
}
