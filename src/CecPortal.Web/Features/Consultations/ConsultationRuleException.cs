namespace CecPortal.Web.Features.Consultations;

/// <summary>A change the consultations' rules refuse; the message is shown to the person who tried it.</summary>
public sealed class ConsultationRuleException(string message, string? field = null) : RuleException(message, field);
