using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CecPortal.Web.Infrastructure.Forms;

/// <summary>
/// Gives every <c>asp-validation-for</c> message the id its field's <c>aria-describedby</c> points to
/// (<see cref="InvalidFieldTagHelper"/>). A message with an id of its own keeps it.
/// </summary>
[HtmlTargetElement("span", Attributes = ForAttribute)]
[HtmlTargetElement("div", Attributes = ForAttribute)]
public sealed class FieldErrorMessageTagHelper : TagHelper
{
    private const string ForAttribute = "asp-validation-for";

    public override int Order => 0;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", FieldErrors.MessageId(FieldErrors.FieldId(FieldErrors.FullName(ViewContext, For))));
        }
    }
}
