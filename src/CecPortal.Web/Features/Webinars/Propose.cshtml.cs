using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Webinars;

/// <summary>The call for speakers: propose a talk, follow your proposals, withdraw one that is not decided yet.</summary>
public sealed class ProposeModel(CallForSpeakers callForSpeakers, UserManager<PortalUser> users) : PageModel
{
    /// <summary>How a month travels in the form: "2027-03".</summary>
    public const string MonthFormat = "yyyy-MM";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<DateOnly> OfferedMonths { get; private set; } = [];

    public IReadOnlyList<ProposalView> Proposals { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give your talk a title.")]
        [StringLength(WebinarLimits.Title, ErrorMessage = "The title may have at most {1} characters.")]
        [PlainText]
        [Display(Name = "Title")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Tell us what the talk is about.")]
        [StringLength(WebinarLimits.Abstract, ErrorMessage = "The abstract may have at most {1} characters.")]
        [MarkdownText]
        [Display(Name = "Abstract")]
        public string? Abstract { get; set; }

        /// <summary>The ticked months, as <see cref="MonthFormat"/>.</summary>
        public List<string> Months { get; set; } = [];
    }

    public static string MonthValue(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var months = ParseMonths(Input.Months);
        if (months.Count == 0)
        {
            ModelState.AddModelError("Input.Months", "Choose at least one month in which you could speak.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await callForSpeakers.SubmitAsync(users.GetUserId(User)!, Input.Title!, Input.Abstract!, months, cancellationToken);
        }
        catch (WebinarRuleException ex)
        {
            ModelState.AddModelError("Input.Months", ex.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData.SetStatusMessage("Thank you: your proposal is submitted. The organisers will email you their decision.");
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: null, fragment: "proposals");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        try
        {
            var title = await callForSpeakers.WithdrawAsync(proposalId, users.GetUserId(User)!, cancellationToken);
            TempData.SetStatusMessage($"Your proposal \"{title}\" is withdrawn.");
            return RedirectToPage(pageName: null, pageHandler: null, routeValues: null, fragment: "proposals");
        }
        catch (WebinarRuleException ex)
        {
            // The withdraw form posts no proposal fields: only the reason belongs on the page.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Months the form did not offer (or that are not months at all) are dropped; the feature checks the rest.</summary>
    private static List<DateOnly> ParseMonths(IEnumerable<string> values) =>
        [.. values
            .Select(v => DateOnly.TryParseExact(v + "-01", MonthFormat + "-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : (DateOnly?)null)
            .OfType<DateOnly>()
            .Distinct()];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        OfferedMonths = callForSpeakers.OfferedMonths();
        Proposals = await callForSpeakers.MineAsync(users.GetUserId(User)!, cancellationToken);
    }
}
