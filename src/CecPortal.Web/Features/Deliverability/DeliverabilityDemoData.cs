using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// One demo member whose address bounced: the last emailed briefing's delivery to them failed with a hard bounce
/// (on that briefing's delivery page and their staff page), their address is marked undeliverable (the banner at
/// sign-in, staff's "delivery problems" list). Runs after the demo briefings, once.
/// </summary>
public sealed class DeliverabilityDemoData(AppDbContext db, AuditLog audit)
{
    public const string BouncedMemberEmail = "g.papadopoulos@" + DemoSeeder.Domain;

    public const string Diagnostic = "smtp; 550 5.1.1 <g.papadopoulos@demo.cec.example>: Recipient address rejected: User unknown in virtual mailbox table";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.MailBounces.AnyAsync(cancellationToken))
        {
            return;
        }

        var member = await db.Users.SingleOrDefaultAsync(u => u.Email == BouncedMemberEmail, cancellationToken);
        var briefing = await db.Briefings.AsNoTracking()
            .Where(b => b.SentAt != null)
            .OrderByDescending(b => b.EditionDate)
            .Select(b => new { b.Id, b.SentAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (member is null || briefing is null)
        {
            return;
        }

        var at = briefing.SentAt!.Value;
        var deliveryIds = await db.Database.SqlQuery<long>($"""
            INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt", "LastAttemptAt", "SentAt")
            VALUES ({briefing.Id}, {member.Id}, {(int)DeliveryStatus.Sent}, 1, {at}, {at}, {at})
            ON CONFLICT ("BriefingId", "MemberId") DO UPDATE SET "Status" = excluded."Status"
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
        var target = new BounceTarget(member.Id, deliveryIds[0], briefing.Id, null, at);
        var bounce = MailBounce.Record($"demo:{deliveryIds[0]}", BounceKind.Hard, BounceSource.DeliveryReport, at.AddMinutes(3), target, "5.1.1", Diagnostic);
        db.MailBounces.Add(bounce);
        member.MarkUndeliverable(bounce.Describe(), at.AddMinutes(3));
        audit.Record(null, AddressBounces.ProcessingActor, AddressBounces.MarkedAction, SecurityEvents.UserSubject(member.Id), member.UndeliverableReason);
        await db.SaveChangesAsync(cancellationToken);
    }
}
