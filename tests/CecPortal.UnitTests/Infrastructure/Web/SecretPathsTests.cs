using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class SecretPathsTests
{
    [Theory]
    [InlineData("/briefings/feed/abc123", "/briefings/feed/{redacted}")]
    [InlineData("/webinars/calendar/abc123.ics", "/webinars/calendar/{redacted}")]
    [InlineData("/UNSUBSCRIBE/abc123", "/unsubscribe/{redacted}")]
    [InlineData("/apply/status/0b6f3c1e-8f7a-4f6e-9d52-7c1a2b3c4d5e", "/apply/status/{redacted}")]
    [InlineData("/apply/sponsor/0b6f3c1e-8f7a-4f6e-9d52-7c1a2b3c4d5e/extra", "/apply/sponsor/{redacted}")]
    [InlineData("/briefings/2026-11-25", "/briefings/2026-11-25")]
    [InlineData("/apply", "/apply")]
    [InlineData("/unsubscribe", "/unsubscribe")]
    [InlineData("/briefings/feedback", "/briefings/feedback")]
    public void Redact_Path_HidesOnlyTheSecretSegment(string path, string expected) =>
        SecretPaths.Redact(new PathString(path)).ShouldBe(expected);
}
