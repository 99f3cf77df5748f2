using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>An IANA time zone id this machine knows (or nothing: [Required] says so).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string zoneId || string.IsNullOrWhiteSpace(zoneId) || MemberTimeZones.IsKnown(zoneId.Trim())
            ? ValidationResult.Success
            : new ValidationResult($"'{zoneId.Trim()}' is not a known IANA time zone id; use one such as Europe/Brussels.", [validationContext.MemberName!]);
}
