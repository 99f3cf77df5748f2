using CecPortal.Web.Features.Membership.Reference;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Admin.ReferenceData;

/// <summary>Admin edits of the vetting reference data (sector names, free-mail domains), each with an audit entry.</summary>
public sealed class ReferenceDataAdministration(AppDbContext db, AuditLog audit)
{
    public async Task<bool> RenameSectorAsync(string code, string name, Actor actor, CancellationToken cancellationToken)
    {
        var sector = await db.Sectors.SingleOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (sector is null)
        {
            return false;
        }

        audit.Record(actor, "sector.rename", $"sector:{code}", $"{sector.Name} -> {name.Trim()}");
        sector.Name = name.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds a domain; false when it is already listed.</summary>
    public async Task<bool> AddFreeMailDomainAsync(string domain, Actor actor, CancellationToken cancellationToken)
    {
        var normalized = Normalize(domain);
        if (await db.FreeMailDomains.AnyAsync(d => d.Domain == normalized, cancellationToken))
        {
            return false;
        }

        db.FreeMailDomains.Add(new FreeMailDomain { Domain = normalized });
        audit.Record(actor, "free-mail.add", $"domain:{normalized}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveFreeMailDomainAsync(string domain, Actor actor, CancellationToken cancellationToken)
    {
        var normalized = Normalize(domain);
        var existing = await db.FreeMailDomains.SingleOrDefaultAsync(d => d.Domain == normalized, cancellationToken);
        if (existing is null)
        {
            return false;
        }

        db.FreeMailDomains.Remove(existing);
        audit.Record(actor, "free-mail.remove", $"domain:{normalized}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Normalize(string domain) => domain.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
}
