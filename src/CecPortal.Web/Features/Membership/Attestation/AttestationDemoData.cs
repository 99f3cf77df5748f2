using CecPortal.Web.Features.Demo;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Membership.Attestation;

/// <summary>
/// The yearly confirmation in the demo (<c>Demo:SeedAttestations</c>): every demo member is scheduled a period after
/// joining, except Siobhán Murphy, who was asked three days ago (banner and email link at her sign-in), and Rui Silva,
/// whose membership lapsed after the request and the reminder (he signs in to the confirmation page). Set through the
/// entity's own methods, with the audit entries the job would have written; no email is sent. Runs once: a database
/// where a demo member has been asked, has confirmed or has lapsed is left alone (a demo database from before the
/// feature, whose members the migration only scheduled, gets the two examples too).
/// </summary>
public sealed class AttestationDemoData(AppDbContext db, IOptions<MembershipOptions> options, AuditLog audit, TimeProvider clock)
{
    public const string DueEmail = "s.murphy@" + DemoSeeder.Domain;
    public const string LapsedEmail = "r.silva@" + DemoSeeder.Domain;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var emails = DemoSeeder.Members.Select(m => m.Email).ToList();
        var members = await db.Users.Where(u => emails.Contains(u.Email!)).ToListAsync(cancellationToken);
        if (members.Count == 0 || members.Any(u => u.AttestationRequestedAt is not null || u.LapsedAt is not null || u.LastAttestedAt is not null))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var grace = options.Value.AttestationGrace;
        foreach (var member in members)
        {
            var subject = SecurityEvents.UserSubject(member.Id);
            switch (member.Email)
            {
                case DueEmail:
                    member.ScheduleAttestation(now.AddDays(-3));
                    member.RecordAttestationRequest(now.AddDays(-3));
                    audit.Record(null, MembershipAttestation.ActorName, MembershipAttestation.RequestedAction, subject, "Confirmation requested");
                    break;
                case LapsedEmail:
                    var due = now - grace - grace - TimeSpan.FromDays(5);
                    member.ScheduleAttestation(due);
                    member.RecordAttestationRequest(due);
                    member.RecordAttestationReminder(due + grace);
                    member.Lapse(now.AddDays(-5));
                    audit.Record(null, MembershipAttestation.ActorName, MembershipAttestation.LapsedAction, subject, "Not confirmed after the request and the reminder");
                    break;
                default:
                    // A demo database from before the feature keeps the due dates the migration gave its members.
                    if (member.AttestationDueAt is null)
                    {
                        member.ScheduleAttestation(member.CreatedAt + options.Value.AttestationPeriod);
                    }

                    break;
            }

            member.ConcurrencyStamp = Guid.NewGuid().ToString();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
