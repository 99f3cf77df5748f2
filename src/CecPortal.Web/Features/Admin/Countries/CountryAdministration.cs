using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Admin.Countries;

/// <summary>Which countries' CISOs may join; applicants from other countries can still apply but are flagged.</summary>
public sealed class CountryAdministration(AppDbContext db, AuditLog audit)
{
    public const string EligibilityAction = "country.eligibility";

    /// <summary>Marks a country eligible or not, with an audit entry; returns null when there is no such country.</summary>
    public async Task<CountryEligibility?> SetEligibilityAsync(string code, bool eligible, Actor actor, CancellationToken cancellationToken)
    {
        var country = await db.Countries.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (country is null)
        {
            return null;
        }

        if (country.IsEligible != eligible)
        {
            country.IsEligible = eligible;
            audit.Record(actor, EligibilityAction, $"country:{country.Code}", eligible ? "eligible" : "not eligible");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CountryEligibility(country.Code, country.Name, country.IsEligible);
    }

    public sealed record CountryEligibility(string Code, string Name, bool IsEligible);
}
