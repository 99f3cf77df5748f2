namespace CecPortal.Web.Features.Webinars.Sessions;

public sealed record SpeakerView(string Name, string? Organisation)
{
    public override string ToString() => Organisation is null ? Name : $"{Name} ({Organisation})";
}
