using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Infrastructure.Web;

namespace CecPortal.UnitTests.Membership;

public sealed class TextAndDomainFixesTests
{
    private sealed class Sample
    {
        [PlainText]
        public string? Line { get; set; }

        [PlainText(AllowLineBreaks = true)]
        public string? Text { get; set; }

        [Website]
        public string? Site { get; set; }
    }

    [Theory]
    [InlineData("Zoë 😀")]
    [InlineData("𠜎 Chen")]
    [InlineData("Łukasz Żółć")]
    public void PlainText_CharactersBeyondBasicPlane_AreAccepted(string value)
    {
        var results = Validate(new Sample { Line = value });

        results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0x2028)]
    [InlineData(0x2029)]
    public void PlainText_LoneSurrogateOrLineSeparatorInSingleLine_IsRejected(int codeUnit)
    {
        var results = Validate(new Sample { Line = "before " + (char)codeUnit + " after" });

        results.ShouldHaveSingleItem().MemberNames.ShouldBe(["Line"]);
    }

    [Fact]
    public void PlainText_LineSeparatorInMultiLineText_IsAccepted()
    {
        var results = Validate(new Sample { Text = "first\u2028second\r\nthird" });

        results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("mailto:marie@example.eu")]
    [InlineData("https://user:pass@example.eu")]
    public void Website_WithUserInfo_IsRejected(string value)
    {
        var results = Validate(new Sample { Site = value });

        results.ShouldHaveSingleItem();
    }

    [Fact]
    public void DomainOfEmail_InternationalName_IsPunycodeLikeTheWebsite()
    {
        var email = MembershipApplication.DomainOfEmail("marie@Bücher.de");
        var website = MembershipApplication.DomainOfWebsite("https://www.bücher.de/");

        email.ShouldBe("xn--bcher-kva.de");
        PreChecks.DomainsMatch(email, website).ShouldBeTrue();
    }

    private static List<ValidationResult> Validate(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results;
    }
}
