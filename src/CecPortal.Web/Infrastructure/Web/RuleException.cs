namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// A change the domain rules refuse; the message is written for the person who tried it. Thrown from an entity or a
/// feature service, it reaches the page as a model-state error through <see cref="RuleExceptionPageFilter"/>, so a
/// page handler needs no catch block for it. <see cref="Field"/> names the input the message belongs under, or none
/// for a message about the whole form.
/// </summary>
public abstract class RuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
