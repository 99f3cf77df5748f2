namespace CecPortal.Web.Infrastructure.Email;

/// <summary>One message to one recipient, always with an HTML and a plain-text body.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody);
