namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>A message's Markdown and its sanitised rendering, made together by the message writer.</summary>
public sealed record MessageBody(string Markdown, string Html);
