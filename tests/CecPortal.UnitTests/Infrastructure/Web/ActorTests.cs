using System.Security.Claims;
using CecPortal.Web.Infrastructure.Web;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class ActorTests
{
    [Fact]
    public void Of_SignedInUser_TakesIdAndSignInName()
    {
        // Arrange: the claims Identity's cookie carries
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "user-42"), new Claim(ClaimTypes.Name, "m.dubois@demo.cec.example")],
            "Identity.Application"));

        // Act
        var actor = Actor.Of(user);

        // Assert
        actor.ShouldBe(new Actor("user-42", "m.dubois@demo.cec.example"));
    }

    [Fact]
    public void Of_AnonymousUser_RefusesRatherThanRecordNobody()
    {
        // Arrange
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        // Act
        var thrown = Should.Throw<InvalidOperationException>(() => Actor.Of(anonymous));

        // Assert
        thrown.Message.ShouldContain("signed-in user");
    }
}
