using CecPortal.Web.Features.Webinars.Proposals;

namespace CecPortal.Web.Features.Webinars;

/// <summary>Small bits of wording shared by the member webinar pages.</summary>
public static class WebinarText
{
    /// <summary>1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd".</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    public static string Places(int placesLeft) => placesLeft switch
    {
        0 => "Full: waiting list",
        1 => "1 place left",
        _ => $"{placesLeft.ToString(CultureInfo.InvariantCulture)} places left",
    };

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.Submitted => "Submitted",
        ProposalStatus.Accepted => "Accepted",
        ProposalStatus.Declined => "Declined",
        ProposalStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}
