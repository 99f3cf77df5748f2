namespace CecPortal.Web.Features.Consultations;

/// <summary>What a member picked or wrote for one question, as the form posted it (checked against the question before saving).</summary>
public sealed record GivenAnswer(Guid QuestionId, IReadOnlyList<int> Choices, string? Text);
