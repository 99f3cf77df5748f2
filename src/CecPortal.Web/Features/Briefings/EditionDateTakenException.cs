namespace CecPortal.Web.Features.Briefings;

/// <summary>Another briefing already has the edition date; <see cref="ExistingId"/> is that briefing.</summary>
public sealed class EditionDateTakenException(DateOnly editionDate, Guid existingId)
    : Exception($"There is already a briefing for {BriefingEditor.FormatDate(editionDate)}.")
{
    public DateOnly EditionDate { get; } = editionDate;

    public Guid ExistingId { get; } = existingId;
}
