namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// One answer. Choices: option indexes (0-based; scale: value - 1). Text: free text only. A question not answered is
/// absent from <see cref="ResultResponse.Answers"/>.
/// </summary>
public sealed record ResultAnswer(IReadOnlyList<int> Choices, string? Text);
