using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Features.Admin.Briefings;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Briefings;

/// <summary>The briefing's state machine, and the authoring form's validation and normalisation.</summary>
public sealed class BriefingTests
{
    private const string EditorId = "editor-1";
    private const string OtherEditorId = "editor-2";
    private static readonly DateOnly Edition = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_NewBriefing_IsDraftAtRevisionOne()
    {
        // Act
        var briefing = Briefing.Create(Edition, Content("Title"), EditorId, Now);

        // Assert
        briefing.Status.ShouldBe(BriefingStatus.Draft);
        briefing.Revision.ShouldBe(1);
        briefing.CreatedById.ShouldBe(EditorId);
        briefing.UpdatedById.ShouldBe(EditorId);
        briefing.IsReadable.ShouldBeFalse();
    }

    [Fact]
    public void Edit_AnyChange_IncrementsRevisionAndRecordsTheEditor()
    {
        // Arrange
        var briefing = Briefing.Create(Edition, Content("Title"), EditorId, Now);

        // Act
        briefing.Edit(Edition, Content("Better title"), OtherEditorId, Now.AddMinutes(5));
        briefing.Edit(Edition.AddDays(1), Content("Best title"), EditorId, Now.AddMinutes(9));

        // Assert
        briefing.Revision.ShouldBe(3);
        briefing.Title.ShouldBe("Best title");
        briefing.EditionDate.ShouldBe(Edition.AddDays(1));
        briefing.UpdatedById.ShouldBe(EditorId);
        briefing.UpdatedAt.ShouldBe(Now.AddMinutes(9));
    }

    [Fact]
    public void Schedule_Draft_BecomesScheduledWithoutNewRevision()
    {
        // Arrange
        var briefing = Briefing.Create(Edition, Content("Title"), EditorId, Now);

        // Act
        briefing.Schedule(OtherEditorId, Now.AddHours(1));

        // Assert
        briefing.Status.ShouldBe(BriefingStatus.Scheduled);
        briefing.ScheduledAt.ShouldBe(Now.AddHours(1));
        briefing.Revision.ShouldBe(1);
        briefing.UpdatedById.ShouldBe(OtherEditorId);
    }

    [Fact]
    public void Unschedule_Scheduled_IsDraftAgain()
    {
        // Arrange
        var briefing = Briefing.Create(Edition, Content("Title"), EditorId, Now);
        briefing.Schedule(EditorId, Now);

        // Act
        briefing.Unschedule(EditorId, Now.AddMinutes(1));

        // Assert
        briefing.Status.ShouldBe(BriefingStatus.Draft);
        briefing.ScheduledAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Publish_DraftOrScheduled_IsReadable(bool scheduleFirst)
    {
        // Arrange
        var briefing = Briefing.Create(Edition, Content("Title"), EditorId, Now);
        if (scheduleFirst)
        {
            briefing.Schedule(EditorId, Now);
        }

        // Act
        briefing.Publish(Now.AddHours(2));

        // Assert
        briefing.Status.ShouldBe(BriefingStatus.Published);
        briefing.PublishedAt.ShouldBe(Now.AddHours(2));
        briefing.IsReadable.ShouldBeTrue();
    }

    [Fact]
    public void SendingAndMarkSent_PublishedAmber_EndsSent()
    {
        // Arrange
        var briefing = Briefing.Create(Edition, Content("Title"), EditorId, Now);
        briefing.Publish(Now);

        // Act
        briefing.StartSending(Now.AddMinutes(1));
        briefing.StartSending(Now.AddMinutes(2));
        briefing.MarkSent(Now.AddMinutes(3));

        // Assert
        briefing.SendStartedAt.ShouldBe(Now.AddMinutes(1));
        briefing.Status.ShouldBe(BriefingStatus.Sent);
        briefing.SentAt.ShouldBe(Now.AddMinutes(3));
        briefing.IsReadable.ShouldBeTrue();
    }

    public static TheoryData<string, string> IllegalMoves => new()
    {
        { "Draft", "Unschedule" },
        { "Draft", "StartSending" },
        { "Draft", "MarkSent" },
        { "Scheduled", "Schedule" },
        { "Scheduled", "StartSending" },
        { "Published", "Schedule" },
        { "Published", "Unschedule" },
        { "Published", "Publish" },
        { "Sent", "Schedule" },
        { "Sent", "Publish" },
        { "Sent", "MarkSent" },
        { "Sent", "StartSending" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Move_IllegalFromState_ThrowsAndChangesNothing(string from, string move)
    {
        // Arrange
        var briefing = InState(Enum.Parse<BriefingStatus>(from));
        var revision = briefing.Revision;

        // Act
        Action act = move switch
        {
            "Schedule" => () => briefing.Schedule(EditorId, Now),
            "Unschedule" => () => briefing.Unschedule(EditorId, Now),
            "Publish" => () => briefing.Publish(Now),
            "StartSending" => () => briefing.StartSending(Now),
            "MarkSent" => () => briefing.MarkSent(Now),
            _ => throw new ArgumentOutOfRangeException(nameof(move)),
        };

        // Assert
        Should.Throw<BriefingRuleException>(act).Message.ShouldStartWith($"A briefing that is {from.ToLowerInvariant()} cannot");
        briefing.Status.ShouldBe(Enum.Parse<BriefingStatus>(from));
        briefing.Revision.ShouldBe(revision);
    }

    [Theory]
    [InlineData(BriefingStatus.Published)]
    [InlineData(BriefingStatus.Sent)]
    public void Edit_NewDateAfterPublishing_IsRefused(BriefingStatus status)
    {
        // Arrange
        var briefing = InState(status);

        // Act
        var act = () => briefing.Edit(Edition.AddDays(1), Content("Moved"), EditorId, Now);

        // Assert
        Should.Throw<BriefingRuleException>(act).Message.ShouldBe("The edition date of a published briefing cannot change.");
        briefing.EditionDate.ShouldBe(Edition);
        briefing.Title.ShouldBe("Title");
    }

    [Theory]
    [InlineData(BriefingStatus.Published)]
    [InlineData(BriefingStatus.Sent)]
    public void Edit_CorrectionAfterPublishing_KeepsStatusAndAddsRevision(BriefingStatus status)
    {
        // Arrange
        var briefing = InState(status);

        // Act
        briefing.Edit(Edition, Content("Corrected"), OtherEditorId, Now.AddHours(3));

        // Assert
        briefing.Status.ShouldBe(status);
        briefing.Title.ShouldBe("Corrected");
        briefing.Revision.ShouldBe(2);
    }

    [Fact]
    public void StartSending_RedBriefing_IsRefused()
    {
        // Arrange
        var briefing = Briefing.Create(Edition, Content("Eyes only", TlpLabel.Red), EditorId, Now);
        briefing.Publish(Now);

        // Act
        var act = () => briefing.StartSending(Now);

        // Assert
        Should.Throw<BriefingRuleException>(act).Message.ShouldBe("A TLP:RED briefing is never emailed.");
        briefing.SendStartedAt.ShouldBeNull();
    }

    [Fact]
    public void FirstFreeDate_RunOfTakenDates_SkipsToTheFirstGap()
    {
        // Arrange
        var taken = new[] { Edition, Edition.AddDays(1), Edition.AddDays(3) };

        // Act
        var free = BriefingEditor.FirstFreeDate(Edition, taken);

        // Assert
        free.ShouldBe(Edition.AddDays(2));
        BriefingEditor.FirstFreeDate(Edition.AddDays(-1), taken).ShouldBe(Edition.AddDays(-1));
    }

    [Fact]
    public void Validate_CompleteForm_Passes()
    {
        // Arrange
        var form = ValidForm();

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "Give the briefing a title.")]
    [InlineData("   ", "Give the briefing a title.")]
    [InlineData("Bad\u0000title", "Title contains characters that cannot be used (control, invisible or broken characters). Please retype it.")]
    public void Validate_BadTitle_SaysWhy(string title, string expected)
    {
        // Arrange
        var form = ValidForm();
        form.Title = title;

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBe([("Title", expected)]);
    }

    [Fact]
    public void Validate_TitleAndBodyOverLimits_AreRefused()
    {
        // Arrange
        var form = ValidForm();
        form.Title = new string('t', BriefingLimits.Title + 1);
        form.Body = new string('b', BriefingLimits.Body + 1);

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBe([("Title", "A title has at most 200 characters."), ("Body", "The text has at most 100000 characters.")], ignoreOrder: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Text with a \u0007 bell")]
    public void Validate_EmptyOrControlCharactersInBody_IsRefused(string body)
    {
        // Arrange
        var form = ValidForm();
        form.Body = body;

        // Act
        var errors = Validate(form);

        // Assert
        errors.Select(e => e.Member).ShouldBe(["Body"]);
    }

    [Fact]
    public void Validate_LoneSurrogateInBody_IsRefused()
    {
        // Arrange (built here: attribute data cannot carry a lone surrogate)
        var form = ValidForm();
        form.Body = "Broken " + '\ud800' + " surrogate";

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBe([("Body", "Text (Markdown) contains control, direction-changing or broken characters (at position 8). Please retype that part.")]);
    }

    [Fact]
    public void Validate_BodyWithEmojiJoinerSoftHyphenAndTabs_Passes()
    {
        // Arrange
        var form = ValidForm();
        form.Body = "Team 👩‍💻 re\u00ADsponse\r\n\tindented";

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("CVE-2026-1234")]
    [InlineData("cve-2026-1234567")]
    [InlineData("  CVE-2026-12345  ")]
    public void Validate_WellFormedCveIds_Pass(string cveId)
    {
        // Arrange
        var form = ValidForm();
        form.Vulnerabilities[0].CveId = cveId;

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("CVE-26-1234", "A CVE id looks like CVE-2026-12345.")]
    [InlineData("CVE-2026-123", "A CVE id looks like CVE-2026-12345.")]
    [InlineData("CVE-2026-1234x", "A CVE id looks like CVE-2026-12345.")]
    [InlineData("GHSA-2026-1234", "A CVE id looks like CVE-2026-12345.")]
    [InlineData("CVE-٢٠٢٦-1234", "A CVE id looks like CVE-2026-12345.")]
    [InlineData("CVE-2026-12345678901234", "A CVE id looks like CVE-2026-12345.")]
    [InlineData("", "Enter the CVE id, such as CVE-2026-12345.")]
    public void Validate_BadCveId_IsRefusedBesideTheCveField(string cveId, string expected)
    {
        // Arrange
        var form = ValidForm();
        form.Vulnerabilities[0].CveId = cveId;

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBe([("Vulnerabilities[0].CveId", expected)]);
    }

    [Fact]
    public void Validate_RowWithOnlyALink_NeedsCveProductAndSummary()
    {
        // Arrange
        var form = ValidForm();
        form.Vulnerabilities.Add(new VulnerabilityRow { Link = "https://vendor.example/advisory" });

        // Act
        var errors = Validate(form);

        // Assert
        errors.Select(e => e.Member).ShouldBe(["Vulnerabilities[1].CveId", "Vulnerabilities[1].Product", "Vulnerabilities[1].Summary"]);
    }

    [Fact]
    public void Validate_EmptyRowsAnywhere_AreIgnored()
    {
        // Arrange
        var form = ValidForm();
        form.Vulnerabilities.Insert(0, new VulnerabilityRow { Severity = VulnerabilitySeverity.High, CveId = "  " });
        form.Vulnerabilities.Add(new VulnerabilityRow());

        // Act
        var errors = Validate(form);
        var entries = form.Entries();

        // Assert
        errors.ShouldBeEmpty();
        entries.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/advisory")]
    [InlineData("vendor.example/advisory")]
    [InlineData("ftp://vendor.example/advisory")]
    [InlineData("https://user:pass@vendor.example/")]
    [InlineData("data:text/html,hi")]
    public void Validate_LinkNotAbsoluteHttp_IsRefused(string link)
    {
        // Arrange
        var form = ValidForm();
        form.Vulnerabilities[0].Link = link;

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBe([("Vulnerabilities[0].Link", "Enter a full web address starting with https:// (or http://), or leave the link empty.")]);
    }

    [Fact]
    public void Validate_ProductAndSummaryOverLimits_AreRefused()
    {
        // Arrange
        var form = ValidForm();
        form.Vulnerabilities[0].Product = new string('p', BriefingLimits.Product + 1);
        form.Vulnerabilities[0].Summary = new string('s', BriefingLimits.Summary + 1);

        // Act
        var errors = Validate(form);

        // Assert
        errors.ShouldBe([
            ("Vulnerabilities[0].Product", "The product has at most 200 characters."),
            ("Vulnerabilities[0].Summary", "The one-line summary has at most 300 characters."),
        ]);
    }

    [Fact]
    public void Validate_MoreFilledRowsThanTheLimit_IsRefusedButEmptyRowsDoNotCount()
    {
        // Arrange
        var atLimit = ValidForm();
        atLimit.Vulnerabilities = [.. Enumerable.Range(0, BriefingLimits.VulnerabilityEntries).Select(Row), new VulnerabilityRow(), new VulnerabilityRow()];
        var overLimit = ValidForm();
        overLimit.Vulnerabilities = [.. Enumerable.Range(0, BriefingLimits.VulnerabilityEntries + 1).Select(Row)];

        // Act
        var atLimitErrors = Validate(atLimit);
        var overLimitErrors = Validate(overLimit);

        // Assert
        atLimitErrors.ShouldBeEmpty();
        overLimitErrors.ShouldBe([("Vulnerabilities", "A briefing lists at most 50 vulnerabilities; this one has 51.")]);
    }

    [Fact]
    public void ToDraft_ValidForm_NormalisesCveIdsAndTrimsText()
    {
        // Arrange
        var form = ValidForm();
        form.Title = "  Padded title ";
        form.Vulnerabilities[0] = new VulnerabilityRow { CveId = " cve-2026-4321 ", Product = " Router ", Severity = VulnerabilitySeverity.High, Summary = " Overflow ", Link = "  " };
        form.Vulnerabilities.Add(new VulnerabilityRow());

        // Act
        var draft = form.ToDraft();

        // Assert
        draft.Title.ShouldBe("Padded title");
        draft.Vulnerabilities.ShouldBe([new VulnerabilityEntry { CveId = "CVE-2026-4321", Product = "Router", Severity = VulnerabilitySeverity.High, Summary = "Overflow", Link = null }]);
    }

    [Fact]
    public void AddEmptyRows_TypedRows_KeepsTheirPositionsAndStopsAtTheLimit()
    {
        // Arrange
        var form = ValidForm();
        var nearLimit = ValidForm();
        nearLimit.Vulnerabilities = [.. Enumerable.Range(0, BriefingLimits.VulnerabilityEntries - 1).Select(Row)];

        // Act
        form.AddEmptyRows();
        form.AppendRows(BriefingForm.EmptyRows);
        nearLimit.AppendRows(BriefingForm.EmptyRows);

        // Assert
        form.Vulnerabilities.Count.ShouldBe(7);
        form.Vulnerabilities[0].CveId.ShouldBe("CVE-2026-1000");
        nearLimit.Vulnerabilities.Count.ShouldBe(BriefingLimits.VulnerabilityEntries);
    }

    private static BriefingContent Content(string title, TlpLabel tlp = TlpLabel.Amber) =>
        new(title, "Body", "<p>Body</p>", tlp, []);

    private static Briefing InState(BriefingStatus status)
    {
        var briefing = Briefing.Create(Edition, Content("Title"), EditorId, Now);
        if (status == BriefingStatus.Scheduled)
        {
            briefing.Schedule(EditorId, Now);
        }

        if (status is BriefingStatus.Published or BriefingStatus.Sent)
        {
            briefing.Publish(Now);
        }

        if (status == BriefingStatus.Sent)
        {
            briefing.StartSending(Now);
            briefing.MarkSent(Now);
        }

        return briefing;
    }

    private static VulnerabilityRow Row(int number) => new()
    {
        CveId = $"CVE-2026-{1000 + number}",
        Product = "Mail server",
        Severity = VulnerabilitySeverity.Critical,
        Summary = "Remote code execution before authentication",
        Link = "https://vendor.example/advisory",
    };

    private static BriefingForm ValidForm() => new()
    {
        EditionDate = Edition,
        Title = "Ransomware wave in logistics",
        Tlp = TlpLabel.Amber,
        Body = "Shipping firms report **intrusions**.",
        Vulnerabilities = [Row(0)],
    };

    /// <summary>
    /// Validates the way MVC does: the form's attributes, then each row (as a child object, its messages keyed
    /// under <c>Vulnerabilities[i]</c>). Returns (member, message) pairs.
    /// </summary>
    private static List<(string Member, string Message)> Validate(BriefingForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        var errors = results.SelectMany(r => r.MemberNames.Select(m => (m, r.ErrorMessage!))).ToList();
        for (var i = 0; i < form.Vulnerabilities.Count; i++)
        {
            var row = form.Vulnerabilities[i];
            var rowResults = new List<ValidationResult>();
            Validator.TryValidateObject(row, new ValidationContext(row), rowResults, validateAllProperties: true);
            errors.AddRange(rowResults.SelectMany(r => r.MemberNames.Select(m => ($"Vulnerabilities[{i}].{m}", r.ErrorMessage!))));
        }

        return errors;
    }
}
