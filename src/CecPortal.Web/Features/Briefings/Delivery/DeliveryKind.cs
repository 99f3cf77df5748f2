namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>What a row of the delivery ledger sends. The number is stable: it travels in Hangfire job arguments.</summary>
public enum DeliveryKind
{
    /// <summary>The daily briefing (<c>briefing_deliveries.BriefingId</c>).</summary>
    Briefing = 0,

    /// <summary>An urgent alert of the sharing space (<c>briefing_deliveries.UrgentAlertId</c>).</summary>
    UrgentAlert = 1,
}

/// <summary>One thing the ledger delivers: its kind and its id. Ids only, safe in job arguments and logs.</summary>
public readonly record struct DeliverySubject(DeliveryKind Kind, Guid Id)
{
    public static DeliverySubject Briefing(Guid briefingId) => new(DeliveryKind.Briefing, briefingId);

    public static DeliverySubject UrgentAlert(Guid alertId) => new(DeliveryKind.UrgentAlert, alertId);

    /// <summary>The ledger column that holds this kind's id.</summary>
    internal string Column => ColumnOf(Kind);

    internal static string ColumnOf(DeliveryKind kind) => kind switch
    {
        DeliveryKind.Briefing => "BriefingId",
        DeliveryKind.UrgentAlert => "UrgentAlertId",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a delivery kind."),
    };

    public override string ToString() => $"{Kind} {Id}";
}
