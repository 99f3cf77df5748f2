using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Webinars.Times;

/// <summary>The member's own time zone for webinar times; null means "my country's zone" (<see cref="MemberTimeZones.Resolve"/>).</summary>
public sealed class TimeZoneSetting(UserManager<PortalUser> users)
{
    /// <summary>Saves the zone (or clears it); throws <see cref="WebinarRuleException"/> for a zone that is not on the list.</summary>
    public async Task<bool> SaveAsync(string userId, string? zoneId)
    {
        var chosen = string.IsNullOrWhiteSpace(zoneId) ? null : zoneId.Trim();
        if (chosen is not null && !MemberTimeZones.Choices.Contains(chosen, StringComparer.Ordinal))
        {
            throw new WebinarRuleException("Choose a time zone from the list.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        if (user.TimeZoneId == chosen)
        {
            return true;
        }

        user.ChooseTimeZone(chosen);
        return (await users.UpdateAsync(user)).Succeeded;
    }
}
