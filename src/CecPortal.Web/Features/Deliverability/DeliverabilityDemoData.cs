using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// The demo's bounced address, told the way the demo briefings tell it: Giorgos Papadopoulos's mailbox has been full
/// for the last three mornings (those editions' deliveries failed, <see cref="BriefingDemoData"/>). Each failure came
/// back as a 4.2.2 bounce report, and the third crossed the soft-bounce threshold: the address is marked undeliverable
/// (the banner at his sign-in, staff's "delivery problems"), and each of those briefings' delivery pages lists its bounce.
/// Runs after the demo briefings, once.
/// </summary>
public sealed class DeliverabilityDemoData(AppDbContext db, AuditLog audit)
{
    public const string BouncedMemberEmail = "g.papadopoulos@" + DemoSeeder.Domain;

    public const string Diagnostic = "smtp; 452 4.2.2 <g.papadopoulos@demo.cec.example>: Recipient mailbox is full (demo)";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.MailBounces.AnyAsync(cancellationToken))
        {
            return;
        }

        var member = await db.Users.SingleOrDefaultAsync(u => u.Email == BouncedMemberEmail, cancellationToken);
        if (member is null)
        {
            return;
        }

        var failed = await db.BriefingDeliveries.AsNoTracking()
            .Where(d => d.MemberId == member.Id && d.BriefingId != null && d.Status == DeliveryStatus.Failed && d.LastAttemptAt != null)
            .OrderBy(d => d.LastAttemptAt)
            .Select(d => new { d.Id, d.BriefingId, At = d.LastAttemptAt!.Value })
            .ToListAsync(cancellationToken);
        if (failed.Count == 0)
        {
            return;
        }

        MailBounce? last = null;
        foreach (var delivery in failed)
        {
            last = MailBounce.Record(
                $"demo:{delivery.Id}", BounceKind.Soft, BounceSource.DeliveryReport, delivery.At.AddMinutes(20),
                new BounceTarget(member.Id, delivery.Id, delivery.BriefingId, null, delivery.At), "4.2.2", Diagnostic);
            db.MailBounces.Add(last);
        }

        member.MarkUndeliverable($"{failed.Count} soft bounces within 7 day(s); the last: {last!.Describe()}", last.ReceivedAt);
        audit.Record(null, AddressBounces.ProcessingActor, AddressBounces.MarkedAction, SecurityEvents.UserSubject(member.Id), member.UndeliverableReason);
        await db.SaveChangesAsync(cancellationToken);
    }
}
