using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CecPortal.Web.Infrastructure.Forms;

/// <summary>
/// Marks every <c>asp-for</c> field whose value was refused: <c>aria-invalid="true"</c> and its error message added to
/// <c>aria-describedby</c>, so a screen reader says what is wrong when the field takes focus. Runs after the input,
/// select and textarea tag helpers (they run at -1000), so it sees the id they gave the field.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
public sealed class InvalidFieldTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";

    public override int Order => 0;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = FieldErrors.FullName(ViewContext, For);
        if (!FieldErrors.HasErrors(ViewContext.ViewData.ModelState, fullName)
            || output.Attributes["type"]?.Value?.ToString() == "hidden")
        {
            return;
        }

        var messageId = FieldErrors.MessageId(FieldErrors.FieldId(fullName));
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(describedBy) ? messageId : $"{messageId} {describedBy}");
        output.Attributes.SetAttribute("aria-invalid", "true");
    }
}
