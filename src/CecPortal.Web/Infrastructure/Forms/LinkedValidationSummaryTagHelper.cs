using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CecPortal.Web.Infrastructure.Forms;

/// <summary>
/// Takes the place of ASP.NET Core's validation summary (removed in _ViewImports) so that every form's errors are
/// announced and lead to their fields: the summary is an alert that takes focus when the form comes back refused, and
/// each field's error is a link to that field (<c>href="#Input_FullName"</c>), as well as the message beside it.
/// Errors of the whole form stay plain text. <c>ModelOnly</c> lists the fields' errors too: a summary that says
/// nothing while a field is refused would leave a screen reader user looking for the problem.
/// </summary>
[HtmlTargetElement("div", Attributes = SummaryAttribute)]
public sealed class LinkedValidationSummaryTagHelper : TagHelper
{
    private const string SummaryAttribute = "asp-validation-summary";

    [HtmlAttributeName(SummaryAttribute)]
    public ValidationSummary ValidationSummary { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ValidationSummary == ValidationSummary.None)
        {
            return;
        }

        // The form's own errors (a refused sign-in, a broken rule) come first: they are usually the reason.
        var errors = ViewContext.ViewData.ModelState
            .SelectMany(pair => pair.Value!.Errors.Where(e => !string.IsNullOrEmpty(e.ErrorMessage)).Select(e => (Field: pair.Key, e.ErrorMessage)))
            .OrderBy(error => error.Field.Length > 0)
            .ToList();
        var list = new TagBuilder("ul");
        list.AddCssClass("mb-0");
        foreach (var (field, message) in errors)
        {
            list.InnerHtml.AppendHtml(Item(field, message));
        }

        var hasErrors = errors.Count > 0;

        // The attributes jQuery Validation Unobtrusive looks for on pages that also validate in the browser.
        if (ValidationSummary == ValidationSummary.All)
        {
            output.Attributes.SetAttribute("data-valmsg-summary", "true");
        }

        output.AddClass(hasErrors ? "validation-summary-errors" : "validation-summary-valid", HtmlEncoder.Default);
        output.Content.SetHtmlContent(list);
        if (!hasErrors)
        {
            return;
        }

        if (!output.Attributes.ContainsName("role"))
        {
            output.Attributes.SetAttribute("role", "alert");
        }

        // Focused on arrival (wwwroot/js/error-summary.js): a screen reader reads it at once, the next Tab reaches its first link.
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-error-summary", "true");
    }

    private static TagBuilder Item(string field, string message)
    {
        var item = new TagBuilder("li");
        if (field.Length == 0)
        {
            item.InnerHtml.Append(message);
            return item;
        }

        var link = new TagBuilder("a");
        link.Attributes["href"] = "#" + FieldErrors.FieldId(field);
        link.InnerHtml.Append(message);
        item.InnerHtml.AppendHtml(link);
        return item;
    }
}
