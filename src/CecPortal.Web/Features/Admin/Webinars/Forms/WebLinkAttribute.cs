using CecPortal.Web.Features.Admin.Briefings;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>An absolute http or https address (or nothing).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebLinkAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string link || string.IsNullOrWhiteSpace(link) || VulnerabilityRow.IsWebLink(link)
            ? ValidationResult.Success
            : new ValidationResult("Enter a full web address starting with https:// (or http://), or leave it empty.", [validationContext.MemberName!]);
}
