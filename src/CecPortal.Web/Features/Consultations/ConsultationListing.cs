namespace CecPortal.Web.Features.Consultations;

/// <summary>A consultation as the staff list shows it: how many answered is a plain count, never who.</summary>
public sealed record ConsultationListing(
    Guid Id,
    string Title,
    string Institution,
    ConsultationStatus Status,
    ConsultationMode Mode,
    DateTimeOffset Deadline,
    int Questions,
    int Submitted);
