namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// A consultation as one member sees it: the consultation with its questions, their own answer set (if any), how many
/// peers submitted so far (a plain count, never who), and whether they may answer now.
/// </summary>
public sealed record MemberConsultation(
    Consultation Consultation,
    ConsultationResponse? Mine,
    int Submitted,
    bool Invited,
    bool MayAnswer);
