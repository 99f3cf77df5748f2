using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Features.Membership.Applications;

namespace CecPortal.UnitTests.Membership.Applications;

public sealed class ApplicationFormTests
{
    private const string ValidMotivation = "I lead security for a grid operator and want to share incident practice.";

    private static readonly (string Property, string DisplayName)[] SingleLineFields =
    [
        (nameof(ApplicationForm.FullName), "Full name"),
        (nameof(ApplicationForm.WorkEmail), "Work email"),
        (nameof(ApplicationForm.JobTitle), "Job title"),
        (nameof(ApplicationForm.Organisation), "Organisation"),
        (nameof(ApplicationForm.OrganisationWebsite), "Organisation website"),
        (nameof(ApplicationForm.SectorDescription), "Your sector, in a few words"),
        (nameof(ApplicationForm.LinkedInUrl), "LinkedIn profile (optional)"),
        (nameof(ApplicationForm.SponsorEmail), "Sponsor's email (optional)"),
    ];

    /// <summary>C0 and C1 controls, DEL, bidi overrides and marks, zero-width characters, BOM, private use.</summary>
    private static readonly string[] InvisibleCharacters = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u202e", "\u200b", "\u200e", "\ufeff", "\ue000"];

    private static readonly string[] LineBreaks = ["\n", "\r", "\t"];

    public static TheoryData<string, string, int> SingleLineFieldsWithInvisibleCharacters => Cross(InvisibleCharacters);

    public static TheoryData<string, string, int> SingleLineFieldsWithLineBreaks => Cross(LineBreaks);

    public static TheoryData<int> InvisibleCharacterCodes => [.. InvisibleCharacters.Select(c => (int)c[0])];

    [Fact]
    public void Validate_CompleteForm_Passes()
    {
        // Arrange
        var form = ValidForm();

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_OnlyRequiredFields_Passes()
    {
        // Arrange
        var form = ValidForm();
        form.SectorDescription = null;
        form.LinkedInUrl = null;
        form.SponsorEmail = null;

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(nameof(ApplicationForm.FullName), "Enter your full name.")]
    [InlineData(nameof(ApplicationForm.WorkEmail), "Enter your work email address.")]
    [InlineData(nameof(ApplicationForm.JobTitle), "Enter your job title.")]
    [InlineData(nameof(ApplicationForm.Organisation), "Enter your organisation.")]
    [InlineData(nameof(ApplicationForm.OrganisationWebsite), "Enter your organisation's website.")]
    [InlineData(nameof(ApplicationForm.CountryCode), "Choose the country you work in.")]
    [InlineData(nameof(ApplicationForm.SectorCode), "Choose your organisation's sector.")]
    [InlineData(nameof(ApplicationForm.OrganisationSize), "Choose the size of your organisation.")]
    [InlineData(nameof(ApplicationForm.Motivation), "Tell us why you want to join.")]
    public void Validate_RequiredFieldMissing_GivesItsMessage(string property, string message)
    {
        // Arrange
        var form = ValidForm();
        Set(form, property, null);

        // Act
        var results = Validate(form);

        // Assert
        var result = results.ShouldHaveSingleItem();
        result.ErrorMessage.ShouldBe(message);
        result.MemberNames.ShouldBe([property]);
    }

    [Theory]
    [InlineData(nameof(ApplicationForm.FullName), "Enter your full name.")]
    [InlineData(nameof(ApplicationForm.WorkEmail), "Enter your work email address.")]
    [InlineData(nameof(ApplicationForm.JobTitle), "Enter your job title.")]
    [InlineData(nameof(ApplicationForm.Organisation), "Enter your organisation.")]
    [InlineData(nameof(ApplicationForm.OrganisationWebsite), "Enter your organisation's website.")]
    [InlineData(nameof(ApplicationForm.CountryCode), "Choose the country you work in.")]
    [InlineData(nameof(ApplicationForm.SectorCode), "Choose your organisation's sector.")]
    [InlineData(nameof(ApplicationForm.Motivation), "Tell us why you want to join.")]
    public void Validate_RequiredFieldBlank_GivesItsMessage(string property, string message)
    {
        // Arrange
        var form = ValidForm();
        Set(form, property, "   ");

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldContain(r => r.ErrorMessage == message && r.MemberNames.Single() == property);
    }

    [Theory]
    [InlineData(nameof(ApplicationForm.FullName), ApplicationLimits.Name, "Your name can have at most 200 characters.")]
    [InlineData(nameof(ApplicationForm.WorkEmail), ApplicationLimits.Email, "An email address has at most 254 characters.")]
    [InlineData(nameof(ApplicationForm.JobTitle), ApplicationLimits.Title, "The job title can have at most 150 characters.")]
    [InlineData(nameof(ApplicationForm.Organisation), ApplicationLimits.Organisation, "The organisation can have at most 200 characters.")]
    [InlineData(nameof(ApplicationForm.OrganisationWebsite), ApplicationLimits.Url, "The website address can have at most 300 characters.")]
    [InlineData(nameof(ApplicationForm.SectorDescription), ApplicationLimits.SectorDescription, "The sector description can have at most 200 characters.")]
    [InlineData(nameof(ApplicationForm.LinkedInUrl), ApplicationLimits.Url, "The LinkedIn address can have at most 300 characters.")]
    [InlineData(nameof(ApplicationForm.Motivation), ApplicationLimits.Motivation, "Please write between 30 and 2000 characters about why you want to join.")]
    [InlineData(nameof(ApplicationForm.SponsorEmail), ApplicationLimits.Email, "An email address has at most 254 characters.")]
    [InlineData(nameof(ApplicationForm.CountryCode), 2, "The field Country must be a string with a maximum length of 2.")]
    [InlineData(nameof(ApplicationForm.SectorCode), 64, "The field Sector must be a string with a maximum length of 64.")]
    public void Validate_ValueOneOverLimit_GivesLengthMessage(string property, int limit, string message)
    {
        // Arrange
        var form = ValidForm();
        Set(form, property, ValueOfLength(property, limit + 1));

        // Act
        var results = Validate(form);

        // Assert
        var result = results.ShouldHaveSingleItem();
        result.ErrorMessage.ShouldBe(message);
        result.MemberNames.ShouldBe([property]);
    }

    [Theory]
    [InlineData(nameof(ApplicationForm.FullName), ApplicationLimits.Name)]
    [InlineData(nameof(ApplicationForm.WorkEmail), ApplicationLimits.Email)]
    [InlineData(nameof(ApplicationForm.JobTitle), ApplicationLimits.Title)]
    [InlineData(nameof(ApplicationForm.Organisation), ApplicationLimits.Organisation)]
    [InlineData(nameof(ApplicationForm.OrganisationWebsite), ApplicationLimits.Url)]
    [InlineData(nameof(ApplicationForm.SectorDescription), ApplicationLimits.SectorDescription)]
    [InlineData(nameof(ApplicationForm.LinkedInUrl), ApplicationLimits.Url)]
    [InlineData(nameof(ApplicationForm.Motivation), ApplicationLimits.Motivation)]
    [InlineData(nameof(ApplicationForm.SponsorEmail), ApplicationLimits.Email)]
    public void Validate_ValueAtLimit_Passes(string property, int limit)
    {
        // Arrange
        var form = ValidForm();
        Set(form, property, ValueOfLength(property, limit));

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_MotivationShorterThanThirty_GivesLengthMessage()
    {
        // Arrange
        var form = ValidForm();
        form.Motivation = new string('m', 29);

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Please write between 30 and 2000 characters about why you want to join.");
    }

    [Theory]
    [MemberData(nameof(SingleLineFieldsWithInvisibleCharacters))]
    [MemberData(nameof(SingleLineFieldsWithLineBreaks))]
    public void Validate_ControlOrInvisibleCharacterInSingleLineField_IsRejected(string property, string displayName, int codePoint)
    {
        // Arrange
        var form = ValidForm();
        var value = (string)typeof(ApplicationForm).GetProperty(property)!.GetValue(form)!;
        Set(form, property, value.Insert(1, ((char)codePoint).ToString()));

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldContain(r =>
            r.ErrorMessage == $"{displayName} contains characters that cannot be used (control, invisible or broken characters). Please retype it."
            && r.MemberNames.Single() == property);
    }

    [Theory]
    [MemberData(nameof(InvisibleCharacterCodes))]
    public void Validate_ControlOrInvisibleCharacterInMotivation_IsRejected(int codePoint)
    {
        // Arrange
        var form = ValidForm();
        form.Motivation = ValidMotivation.Insert(5, ((char)codePoint).ToString());

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Why do you want to join? contains characters that cannot be used (control, invisible or broken characters). Please retype it.");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\t")]
    [InlineData("\n\n")]
    public void Validate_LineBreaksInMotivation_AreAllowed(string lineBreak)
    {
        // Arrange
        var form = ValidForm();
        form.Motivation = "I lead security for a grid operator." + lineBreak + "I want to share incident practice.";

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Marie-Thérèse Ødegård")]
    [InlineData("Łukasz Żółć")]
    [InlineData("Σωκράτης Παπαδόπουλος")]
    [InlineData("Jean O'Neil, Jr.")]
    public void Validate_AccentedAndNonLatinName_Passes(string name)
    {
        // Arrange
        var form = ValidForm();
        form.FullName = name;

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/marie-curie")]
    [InlineData("https://linkedin.com/in/marie-curie")]
    [InlineData("http://www.linkedin.com/in/marie-curie")]
    [InlineData("https://de.linkedin.com/in/marie-curie")]
    [InlineData("https://WWW.LinkedIn.com/in/marie-curie")]
    [InlineData("www.linkedin.com/in/marie-curie")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_LinkedInOnLinkedInOrEmpty_Passes(string? linkedIn)
    {
        // Arrange
        var form = ValidForm();
        form.LinkedInUrl = linkedIn;

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://www.example.eu/in/marie-curie")]
    [InlineData("https://notlinkedin.com/in/marie-curie")]
    [InlineData("https://linkedin.com.attacker.eu/in/marie-curie")]
    [InlineData("https://www.linkedin.co/in/marie-curie")]
    [InlineData("https://attacker.eu/linkedin.com")]
    [InlineData("https://linkedin.com@attacker.eu/in/marie-curie")]
    [InlineData("ftp://www.linkedin.com/in/marie-curie")]
    [InlineData("marie curie")]
    public void Validate_LinkedInElsewhere_IsRejected(string linkedIn)
    {
        // Arrange
        var form = ValidForm();
        form.LinkedInUrl = linkedIn;

        // Act
        var results = Validate(form);

        // Assert
        var result = results.ShouldHaveSingleItem();
        result.ErrorMessage.ShouldBe("Enter the address of your LinkedIn profile, such as https://www.linkedin.com/in/your-name.");
        result.MemberNames.ShouldBe([nameof(ApplicationForm.LinkedInUrl)]);
    }

    [Theory]
    [InlineData("example.eu")]
    [InlineData("www.example.eu")]
    [InlineData("https://www.example.eu")]
    [InlineData("http://example.eu/about?lang=de")]
    [InlineData(" https://example.eu ")]
    [InlineData("https://bücher.de")]
    public void Validate_Website_IsAccepted(string website)
    {
        // Arrange
        var form = ValidForm();
        form.OrganisationWebsite = website;

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://x.eu")]
    [InlineData("localhost")]
    [InlineData("https://localhost")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    public void Validate_Website_IsRejected(string website)
    {
        // Arrange
        var form = ValidForm();
        form.OrganisationWebsite = website;

        // Act
        var results = Validate(form);

        // Assert
        var result = results.ShouldHaveSingleItem();
        result.ErrorMessage.ShouldBe("Enter a web address such as https://www.example.eu for Organisation website.");
        result.MemberNames.ShouldBe([nameof(ApplicationForm.OrganisationWebsite)]);
    }

    [Fact]
    public void Validate_ConsentNotGiven_IsRejected()
    {
        // Arrange
        var form = ValidForm();
        form.Consent = false;

        // Act
        var results = Validate(form);

        // Assert
        var result = results.ShouldHaveSingleItem();
        result.ErrorMessage.ShouldBe("Please agree to the privacy notice to apply.");
        result.MemberNames.ShouldBe([nameof(ApplicationForm.Consent)]);
    }

    [Theory]
    [InlineData(nameof(ApplicationForm.WorkEmail), "marie.example.eu", "Enter a valid email address, such as name@organisation.eu.")]
    [InlineData(nameof(ApplicationForm.WorkEmail), "marie@", "Enter a valid email address, such as name@organisation.eu.")]
    [InlineData(nameof(ApplicationForm.SponsorEmail), "sponsor", "Enter your sponsor's email address, or leave it empty.")]
    public void Validate_InvalidEmail_GivesItsMessage(string property, string value, string message)
    {
        // Arrange
        var form = ValidForm();
        Set(form, property, value);

        // Act
        var results = Validate(form);

        // Assert
        results.ShouldHaveSingleItem().ErrorMessage.ShouldBe(message);
    }

    [Fact]
    public void ToDetails_ValidForm_CopiesEveryField()
    {
        // Arrange
        var form = ValidForm();

        // Act
        var details = form.ToDetails();

        // Assert
        details.ShouldBe(new ApplicationDetails(
            "Marie Curie", "marie.curie@example.eu", "Chief Information Security Officer", "Example Energy SE", "https://www.example.eu",
            "DE", "energy", "Electricity transmission", OrganisationSize.From1000To4999, "https://www.linkedin.com/in/marie-curie",
            ValidMotivation, "sponsor@member.eu"));
    }

    private static TheoryData<string, string, int> Cross(string[] characters) =>
    [
        .. SingleLineFields.SelectMany(field => characters.Select(c => new TheoryDataRow<string, string, int>(field.Property, field.DisplayName, c[0]))),
    ];

    private static ApplicationForm ValidForm() => new()
    {
        FullName = "Marie Curie",
        WorkEmail = "marie.curie@example.eu",
        JobTitle = "Chief Information Security Officer",
        Organisation = "Example Energy SE",
        OrganisationWebsite = "https://www.example.eu",
        CountryCode = "DE",
        SectorCode = "energy",
        SectorDescription = "Electricity transmission",
        OrganisationSize = OrganisationSize.From1000To4999,
        LinkedInUrl = "https://www.linkedin.com/in/marie-curie",
        Motivation = ValidMotivation,
        SponsorEmail = "sponsor@member.eu",
        Consent = true,
    };

    private static List<ValidationResult> Validate(ApplicationForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }

    private static void Set(ApplicationForm form, string property, object? value) =>
        typeof(ApplicationForm).GetProperty(property)!.SetValue(form, value);

    /// <summary>A value of exactly <paramref name="length"/> characters that is otherwise valid for the field.</summary>
    private static string ValueOfLength(string property, int length) => property switch
    {
        nameof(ApplicationForm.WorkEmail) or nameof(ApplicationForm.SponsorEmail) => new string('a', length - "@example.eu".Length) + "@example.eu",
        nameof(ApplicationForm.OrganisationWebsite) => "https://example.eu/" + new string('a', length - "https://example.eu/".Length),
        nameof(ApplicationForm.LinkedInUrl) => "https://www.linkedin.com/in/" + new string('a', length - "https://www.linkedin.com/in/".Length),
        _ => new string('a', length),
    };
}
