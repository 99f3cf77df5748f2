namespace CecPortal.Web.Features.Webinars;

public sealed record SpeakerView(string Name, string? Organisation)
{
    public override string ToString() => Organisation is null ? Name : $"{Name} ({Organisation})";
}
