namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>One row of a breakdown for one question: the group and its answers.</summary>
public sealed record GroupTally(ResultGroup Group, AnswerTally Tally);
