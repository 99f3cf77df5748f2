using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class StatusMessageTests
{
    [Fact]
    public void TakeStatusMessage_AfterSetOnThePreviousRequest_ReturnsItOnceThenNothing()
    {
        // Arrange: a post sets the message and its TempData is saved for the redirect
        var provider = new InMemoryTempDataProvider();
        var post = new TempDataDictionary(new DefaultHttpContext(), provider);
        post.SetStatusMessage("Your profile is saved.");
        post.Save();

        // Act: the next page reads it, then the one after that
        var next = new TempDataDictionary(new DefaultHttpContext(), provider);
        var shown = next.TakeStatusMessage();
        next.Save();
        var later = new TempDataDictionary(new DefaultHttpContext(), provider).TakeStatusMessage();

        // Assert
        shown.ShouldBe("Your profile is saved.");
        later.ShouldBeNull();
    }

    /// <summary>The cookie provider's contract without the cookie: what was saved is what the next request loads.</summary>
    private sealed class InMemoryTempDataProvider : ITempDataProvider
    {
        private IDictionary<string, object> _saved = new Dictionary<string, object>();

        public IDictionary<string, object> LoadTempData(HttpContext context) => _saved;

        public void SaveTempData(HttpContext context, IDictionary<string, object> values) => _saved = new Dictionary<string, object>(values);
    }
}
