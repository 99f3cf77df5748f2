using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CecPortal.Web.Infrastructure.Forms;

/// <summary>
/// The one naming rule that ties a field, its error message and the error summary together, so a screen reader can go
/// from an error to its field and back: a field's id is its model name made safe (<c>Input.FullName</c> →
/// <c>Input_FullName</c>, as the input tag helper names it) and its message's id adds <see cref="MessageSuffix"/>.
/// </summary>
public static class FieldErrors
{
    /// <summary>
    /// Not jQuery Validation's <c>-error</c>: on the pages that also validate in the browser, that library puts its own
    /// element with that id inside the message, and two elements must not share an id.
    /// </summary>
    public const string MessageSuffix = "-error-message";

    /// <summary>The full name of an <c>asp-for</c> expression in this view (with the view's prefix, e.g. in a partial).</summary>
    public static string FullName(ViewContext viewContext, ModelExpression field) =>
        viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    /// <summary>The id the input tag helpers give the field of <paramref name="fullName"/>.</summary>
    public static string FieldId(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    public static string MessageId(string fieldId) => fieldId + MessageSuffix;

    public static bool HasErrors(ModelStateDictionary modelState, string fullName) =>
        modelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;
}
