namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>The daily briefing as a subject of the shared fan-out: rendered by <see cref="BriefingEmail"/>, marked Sent at the end.</summary>
public sealed class BriefingDeliverySource(AppDbContext db, BriefingEmail email, TimeProvider clock, ILogger<BriefingDeliverySource> logger) : IDeliverySource
{
    public DeliveryKind Kind => DeliveryKind.Briefing;

    public string TelemetryKind => Infrastructure.Observability.PortalTelemetry.EmailKind.Briefing;

    public async Task<IDeliveryTemplate?> PrepareAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == subjectId, cancellationToken);
        return briefing is null || !briefing.IsReadable || briefing.SendStartedAt is null || !briefing.Tlp.MayBeEmailed()
            ? null
            : email.Render(briefing);
    }

    /// <summary>Marks the briefing Sent; the <c>xmin</c> token makes a second caller lose quietly.</summary>
    public async Task<bool> CompleteAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.SingleOrDefaultAsync(b => b.Id == subjectId, cancellationToken);
        if (briefing is not { Status: BriefingStatus.Published, SendStartedAt: not null })
        {
            return false;
        }

        briefing.MarkSent(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        logger.LogInformation("Briefing {BriefingId} is sent: no delivery is pending.", subjectId);
        return true;
    }
}
