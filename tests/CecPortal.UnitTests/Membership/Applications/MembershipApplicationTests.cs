using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Vetting;
using Microsoft.Extensions.Time.Testing;
using static CecPortal.UnitTests.Membership.TestApplications;

namespace CecPortal.UnitTests.Membership.Applications;

public sealed class MembershipApplicationTests
{
    private readonly FakeTimeProvider _clock = new(SubmittedAt);

    [Fact]
    public void Submit_Details_TrimsNormalisesAndStartsUnverifiedWithSubmittedEvent()
    {
        // Arrange
        var details = Details(workEmail: "  Marie.Curie@Example.EU ", website: " https://www.Example.eu/about ", jobTitle: " CISO ", sponsorEmail: "  ") with
        {
            FullName = "  Marie Curie ",
            SectorDescription = "   ",
            LinkedInUrl = " ",
        };

        // Act
        var application = MembershipApplication.Submit(details, privacyNoticeVersion: 3, _clock.GetUtcNow(), out var token);

        // Assert
        application.FullName.ShouldBe("Marie Curie");
        application.WorkEmail.ShouldBe("Marie.Curie@Example.EU");
        application.NormalizedEmail.ShouldBe("MARIE.CURIE@EXAMPLE.EU");
        application.EmailDomain.ShouldBe("example.eu");
        application.JobTitle.ShouldBe("CISO");
        application.OrganisationWebsite.ShouldBe("https://www.Example.eu/about");
        application.WebsiteDomain.ShouldBe("example.eu");
        application.SectorDescription.ShouldBeNull();
        application.LinkedInUrl.ShouldBeNull();
        application.SponsorEmail.ShouldBeNull();
        application.SponsorResponse.ShouldBe(SponsorResponse.None);
        application.ConsentedNoticeVersion.ShouldBe("3");
        application.AcceptedNoticeVersion.ShouldBe(3);
        application.ConsentedAt.ShouldBe(SubmittedAt);
        application.CreatedAt.ShouldBe(SubmittedAt);
        application.Status.ShouldBe(ApplicationStatus.Unverified);
        application.Round.ShouldBe(1);
        application.VerifiedAt.ShouldBeNull();
        application.DecidedAt.ShouldBeNull();
        var submitted = application.Events.ShouldHaveSingleItem();
        submitted.Kind.ShouldBe(ApplicationEventKind.Submitted);
        submitted.At.ShouldBe(SubmittedAt);
        submitted.Actor.ShouldBeNull();
        submitted.Note.ShouldBeNull();
        submitted.ApplicationId.ShouldBe(application.Id);
        token.ShouldNotBeNullOrWhiteSpace();
        application.VerificationTokenHash.ShouldNotBe(token);
        application.VerificationTokenHash.Length.ShouldBe(64);
    }

    [Fact]
    public void Submit_Twice_IssuesDistinctTokensAndIds()
    {
        // Arrange
        var details = Details();

        // Act
        var first = MembershipApplication.Submit(details, privacyNoticeVersion: 1, SubmittedAt, out var firstToken);
        var second = MembershipApplication.Submit(details, privacyNoticeVersion: 1, SubmittedAt, out var secondToken);

        // Assert
        firstToken.ShouldNotBe(secondToken);
        first.Id.ShouldNotBe(second.Id);
        first.VerificationTokenHash.ShouldNotBe(second.VerificationTokenHash);
    }

    [Fact]
    public void Verify_CorrectToken_EntersQueueWithFlagsAndVerifiedEvent()
    {
        // Arrange
        var application = Unverified(out var token);
        _clock.Advance(TimeSpan.FromHours(2));
        var now = _clock.GetUtcNow();
        PreCheckFlag[] flags = [new(FlagKind.FreeMailAddress, "Free mail."), new(FlagKind.JobTitleNotSecurityLeadership, "Title.")];

        // Act
        application.Verify(token, flags, now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.VerifiedAt.ShouldBe(now);
        application.Flags.Select(f => (f.Kind, f.Explanation)).ShouldBe([(FlagKind.FreeMailAddress, "Free mail."), (FlagKind.JobTitleNotSecurityLeadership, "Title.")]);
        application.Flags.ShouldAllBe(f => f.ApplicationId == application.Id);
        var verified = application.Events[^1];
        verified.Kind.ShouldBe(ApplicationEventKind.Verified);
        verified.At.ShouldBe(now);
        verified.Actor.ShouldBeNull();
        verified.Note.ShouldBeNull();
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    [InlineData(null)]
    public void Verify_WrongToken_ThrowsAndStaysUnverified(string? wrongToken)
    {
        // Arrange
        var application = Unverified(out _);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Verify(wrongToken!, [], SubmittedAt.AddHours(1)));

        // Assert
        exception.Message.ShouldContain("not valid");
        application.Status.ShouldBe(ApplicationStatus.Unverified);
        application.VerifiedAt.ShouldBeNull();
        application.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void Verify_TokenOfAnotherApplication_Throws()
    {
        // Arrange
        var application = Unverified(out _);
        _ = Unverified(out var otherToken);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Verify(otherToken, [], SubmittedAt.AddHours(1)));

        // Assert
        exception.Message.ShouldContain("not valid");
        application.Status.ShouldBe(ApplicationStatus.Unverified);
    }

    [Fact]
    public void Verify_WrongTokenOnVerifiedApplication_StillThrows()
    {
        // Arrange
        var application = InStatus(ApplicationStatus.Submitted, out _);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Verify("wrong-token", [], SubmittedAt.AddHours(2)));

        // Assert
        exception.Message.ShouldContain("not valid");
        application.Status.ShouldBe(ApplicationStatus.Submitted);
    }

    [Fact]
    public void Verify_MoreThanSevenDaysAfterSubmission_ThrowsExpired()
    {
        // Arrange
        var application = MembershipApplication.Submit(Details(), privacyNoticeVersion: 1, _clock.GetUtcNow(), out var token);
        _clock.Advance(MembershipApplication.VerificationWindow + TimeSpan.FromSeconds(1));

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Verify(token, [], _clock.GetUtcNow()));

        // Assert
        exception.Message.ShouldContain("expired");
        application.Status.ShouldBe(ApplicationStatus.Unverified);
        application.VerifiedAt.ShouldBeNull();
        application.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void Verify_ExactlySevenDaysAfterSubmission_IsStillAccepted()
    {
        // Arrange
        var application = MembershipApplication.Submit(Details(), privacyNoticeVersion: 1, _clock.GetUtcNow(), out var token);
        _clock.Advance(TimeSpan.FromDays(7));

        // Act
        application.Verify(token, [], _clock.GetUtcNow());

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Submitted);
    }

    [Fact]
    public void Verify_Twice_IsIdempotent()
    {
        // Arrange
        var application = Unverified(out var token);
        var firstAt = SubmittedAt.AddHours(1);
        application.Verify(token, [new(FlagKind.FreeMailAddress, "Free mail.")], firstAt);
        var events = application.Events.ToList();

        // Act
        application.Verify(token, [new(FlagKind.PossibleDuplicate, "Duplicate.")], SubmittedAt.AddDays(30));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.VerifiedAt.ShouldBe(firstAt);
        application.Events.ShouldBe(events);
        application.Flags.ShouldHaveSingleItem().Kind.ShouldBe(FlagKind.FreeMailAddress);
    }

    [Fact]
    public void Review_FirstApproval_RecordsReviewAndReviewedApproveEvent()
    {
        // Arrange
        var application = Submitted();
        var now = SubmittedAt.AddDays(1);

        // Act
        application.Review(CountryVetter, ReviewVerdict.Approve, "  Known to me.  ", null, now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.DecidedAt.ShouldBeNull();
        var review = application.Reviews.ShouldHaveSingleItem();
        review.ReviewerId.ShouldBe(CountryVetter.UserId);
        review.ReviewerName.ShouldBe(CountryVetter.Name);
        review.Verdict.ShouldBe(ReviewVerdict.Approve);
        review.Round.ShouldBe(1);
        review.CoversCountry.ShouldBeTrue();
        review.CoversSector.ShouldBeFalse();
        review.Note.ShouldBe("Known to me.");
        review.At.ShouldBe(now);
        var reviewed = application.Events[^1];
        reviewed.Kind.ShouldBe(ApplicationEventKind.ReviewedApprove);
        reviewed.Actor.ShouldBe(CountryVetter.Name);
        reviewed.At.ShouldBe(now);
        reviewed.Note.ShouldNotBeNull().Trim().ShouldBe("Known to me.");
    }

    [Fact]
    public void Review_CompletingApproval_RecordsReviewedApproveThenApproved()
    {
        // Arrange
        var application = InStatus(ApplicationStatus.InReview, out _);
        var eventsBefore = application.Events.Count;
        var now = SubmittedAt.AddDays(3);

        // Act
        application.Review(SectorVetter, ReviewVerdict.Approve, "Grid operator.", null, now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Approved);
        application.DecidedAt.ShouldBe(now);
        var added = application.Events.Skip(eventsBefore).ToList();
        added.Select(e => e.Kind).ShouldBe([ApplicationEventKind.ReviewedApprove, ApplicationEventKind.Approved]);
        added.ShouldAllBe(e => e.Actor == SectorVetter.Name && e.At == now);
        added[0].Note.ShouldBe("Grid operator.");
        added[1].Note.ShouldBe("Approved by two vetters covering the country and the sector.");
    }

    [Fact]
    public void Review_Decline_RecordsReviewedDeclineThenDeclinedWithApplicantSentence()
    {
        // Arrange
        var application = Submitted();
        var eventsBefore = application.Events.Count;
        var now = SubmittedAt.AddDays(1);

        // Act
        application.Review(SectorVetter, ReviewVerdict.Decline, "Reseller, not an operator.", DeclineReason.OrganisationOutOfScope, now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Declined);
        application.DeclineReason.ShouldBe(DeclineReason.OrganisationOutOfScope);
        application.DecidedAt.ShouldBe(now);
        application.Reviews.ShouldHaveSingleItem().Verdict.ShouldBe(ReviewVerdict.Decline);
        var added = application.Events.Skip(eventsBefore).ToList();
        added.Select(e => e.Kind).ShouldBe([ApplicationEventKind.ReviewedDecline, ApplicationEventKind.Declined]);
        added.ShouldAllBe(e => e.Actor == SectorVetter.Name && e.At == now);
        added[0].Note.ShouldBe("Reseller, not an operator.");
        added[1].Note.ShouldBe(DeclineReason.OrganisationOutOfScope.Describe());
    }

    [Fact]
    public void RequestInformation_Question_RecordsTrimmedQuestionByReviewer()
    {
        // Arrange
        var application = Submitted();
        var now = SubmittedAt.AddDays(1);

        // Act
        application.RequestInformation(SectorVetter, "  Which team do you lead?  ", now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.InformationRequested);
        var requested = application.Events[^1];
        requested.Kind.ShouldBe(ApplicationEventKind.InformationRequested);
        requested.Actor.ShouldBe(SectorVetter.Name);
        requested.Note.ShouldBe("Which team do you lead?");
        requested.At.ShouldBe(now);
        application.Reviews.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RequestInformation_EmptyQuestion_Throws(string question)
    {
        // Arrange
        var application = Submitted();

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.RequestInformation(SectorVetter, question, SubmittedAt.AddDays(1)));

        // Assert
        exception.Message.ShouldContain("question");
        application.Status.ShouldBe(ApplicationStatus.Submitted);
    }

    [Fact]
    public void ProvideInformation_Answer_RecordsTrimmedAnswerByApplicant()
    {
        // Arrange
        var application = InStatus(ApplicationStatus.InformationRequested, out _);
        var now = SubmittedAt.AddDays(2);

        // Act
        application.ProvideInformation("  The security operations team.  ", now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.InReview);
        var answered = application.Events[^1];
        answered.Kind.ShouldBe(ApplicationEventKind.InformationProvided);
        answered.Actor.ShouldBe("Marie Curie");
        answered.Note.ShouldBe("The security operations team.");
        answered.At.ShouldBe(now);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    public void ProvideInformation_EmptyAnswer_Throws(string answer)
    {
        // Arrange
        var application = InStatus(ApplicationStatus.InformationRequested, out _);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.ProvideInformation(answer, SubmittedAt.AddDays(2)));

        // Assert
        exception.Message.ShouldContain("answer");
        application.Status.ShouldBe(ApplicationStatus.InformationRequested);
    }

    [Fact]
    public void Withdraw_OpenApplication_RecordsWithdrawnByApplicantAndDecides()
    {
        // Arrange
        var application = Submitted();
        var now = SubmittedAt.AddDays(1);

        // Act
        application.Withdraw(now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Withdrawn);
        application.DecidedAt.ShouldBe(now);
        var withdrawn = application.Events[^1];
        withdrawn.Kind.ShouldBe(ApplicationEventKind.Withdrawn);
        withdrawn.Actor.ShouldBe("Marie Curie");
        withdrawn.Note.ShouldBeNull();
        withdrawn.At.ShouldBe(now);
    }

    [Fact]
    public void Reopen_Declined_StartsNewRoundClearsDecisionAndRecordsReason()
    {
        // Arrange
        var application = InStatus(ApplicationStatus.Declined, out _);
        var now = SubmittedAt.AddDays(5);

        // Act
        application.Reopen("Ada Admin", "  The applicant sent proof of role.  ", now);

        // Assert
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.Round.ShouldBe(2);
        application.DecidedAt.ShouldBeNull();
        application.DeclineReason.ShouldBeNull();
        application.Reviews.Count.ShouldBe(1);
        var reopened = application.Events[^1];
        reopened.Kind.ShouldBe(ApplicationEventKind.Reopened);
        reopened.Actor.ShouldBe("Ada Admin");
        reopened.Note.ShouldBe("The applicant sent proof of role.");
        reopened.At.ShouldBe(now);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reopen_WithoutReason_Throws(string reason)
    {
        // Arrange
        var application = InStatus(ApplicationStatus.Declined, out _);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Reopen("Ada Admin", reason, SubmittedAt.AddDays(5)));

        // Assert
        exception.Message.ShouldContain("reason");
        application.Status.ShouldBe(ApplicationStatus.Declined);
        application.Round.ShouldBe(1);
    }

    [Fact]
    public void Reopen_AfterCountryApprovalAndDecline_EarlierApprovalNoLongerCounts()
    {
        // Arrange
        var application = Submitted();
        application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));
        application.Review(SectorVetter, ReviewVerdict.Decline, "Reseller.", DeclineReason.OrganisationOutOfScope, SubmittedAt.AddDays(2));
        application.Reopen("Ada Admin", "Operator after all.", SubmittedAt.AddDays(3));

        // Act
        application.Review(SectorVetter, ReviewVerdict.Approve, "Operator, in scope.", null, SubmittedAt.AddDays(4));

        // Assert
        application.Round.ShouldBe(2);
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.CurrentApprovals().ShouldHaveSingleItem().ReviewerId.ShouldBe(SectorVetter.UserId);
        FourEyesRule.Missing(application.CurrentApprovals()).ShouldBe("Still needed: an approval from a vetter covering the country.");
        application.Reviews.Count.ShouldBe(3);
    }

    [Fact]
    public void Reopen_NewRound_SameVettersMayReviewAgainAndApprove()
    {
        // Arrange
        var application = Submitted();
        application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));
        application.Withdraw(SubmittedAt.AddDays(2));
        application.Reopen("Ada Admin", "Applicant asked to continue.", SubmittedAt.AddDays(3));
        application.CurrentApprovals().ShouldBeEmpty();

        // Act
        application.Review(CountryVetter, ReviewVerdict.Approve, "Still known to me.", null, SubmittedAt.AddDays(4));
        application.Review(SectorVetter, ReviewVerdict.Approve, "In scope.", null, SubmittedAt.AddDays(4));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Approved);
        application.CurrentApprovals().Count().ShouldBe(2);
        application.Reviews.Count(r => r.Round == 2).ShouldBe(2);
    }

    [Theory]
    [InlineData(null, "Not a CISO.")]
    [InlineData(DeclineReason.Other, null)]
    [InlineData(DeclineReason.Other, "")]
    [InlineData(DeclineReason.Other, "   ")]
    public void Review_DeclineWithoutReasonOrNote_ThrowsAndRecordsNothing(DeclineReason? reason, string? note)
    {
        // Arrange
        var application = Submitted();
        var eventsBefore = application.Events.Count;

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Review(SectorVetter, ReviewVerdict.Decline, note, reason, SubmittedAt.AddDays(1)));

        // Assert
        exception.Message.ShouldContain("reason");
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.Reviews.ShouldBeEmpty();
        application.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(ReviewVerdict.Approve)]
    [InlineData(ReviewVerdict.Decline)]
    public void Review_ReviewerCoveringNeitherCountryNorSector_IsRefused(ReviewVerdict verdict)
    {
        // Arrange
        var application = Submitted();

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Review(OutOfScopeVetter, verdict, "Note.", DeclineReason.Other, SubmittedAt.AddDays(1)));

        // Assert
        exception.Message.ShouldContain("outside your vetting scope");
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.Reviews.ShouldBeEmpty();
    }

    [Fact]
    public void RequestInformation_ReviewerCoveringNeitherCountryNorSector_IsRefused()
    {
        // Arrange
        var application = Submitted();

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.RequestInformation(OutOfScopeVetter, "Which team?", SubmittedAt.AddDays(1)));

        // Assert
        exception.Message.ShouldContain("outside your vetting scope");
        application.Status.ShouldBe(ApplicationStatus.Submitted);
    }

    [Fact]
    public void Review_ApproveWhileInformationRequested_IsRefused()
    {
        // Arrange
        var application = InStatus(ApplicationStatus.InformationRequested, out _);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Review(SectorVetter, ReviewVerdict.Approve, null, null, SubmittedAt.AddDays(2)));

        // Assert
        exception.Message.ShouldContain("approve once they have answered");
        application.Status.ShouldBe(ApplicationStatus.InformationRequested);
        application.Reviews.ShouldBeEmpty();
    }

    [Fact]
    public void Review_DeclineWhileInformationRequested_Declines()
    {
        // Arrange
        var application = InStatus(ApplicationStatus.InformationRequested, out _);

        // Act
        application.Review(SectorVetter, ReviewVerdict.Decline, "No answer, and not an operator.", DeclineReason.IdentityNotVerifiable, SubmittedAt.AddDays(2));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Declined);
        application.DeclineReason.ShouldBe(DeclineReason.IdentityNotVerifiable);
    }

    [Theory]
    [InlineData(ReviewVerdict.Approve)]
    [InlineData(ReviewVerdict.Decline)]
    public void Review_SameReviewerTwiceInRound_IsRefused(ReviewVerdict secondVerdict)
    {
        // Arrange
        var application = Submitted();
        application.Review(TestApplications.Admin, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Review(TestApplications.Admin, secondVerdict, "Again.", DeclineReason.Other, SubmittedAt.AddDays(2)));

        // Assert
        exception.Message.ShouldContain("already reviewed");
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.Reviews.Count.ShouldBe(1);
    }

    [Fact]
    public void InviteSponsor_SponsorNamed_ReturnsTokenSetsPendingAndRecordsEvent()
    {
        // Arrange
        var application = Submitted(Details(sponsorEmail: " sponsor@member.eu "));
        var now = SubmittedAt.AddHours(2);

        // Act
        var token = application.InviteSponsor(now);

        // Assert
        token.ShouldNotBeNullOrWhiteSpace();
        application.SponsorEmail.ShouldBe("sponsor@member.eu");
        application.SponsorResponse.ShouldBe(SponsorResponse.Pending);
        application.SponsorTokenHash.ShouldNotBe(token);
        application.HasSponsorToken(token).ShouldBeTrue();
        application.HasSponsorToken("wrong").ShouldBeFalse();
        application.HasSponsorToken(null).ShouldBeFalse();
        var invited = application.Events[^1];
        invited.Kind.ShouldBe(ApplicationEventKind.SponsorInvited);
        invited.Actor.ShouldBeNull();
        invited.At.ShouldBe(now);
    }

    [Fact]
    public void InviteSponsor_NoSponsorNamed_Throws()
    {
        // Arrange
        var application = Submitted();

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.InviteSponsor(SubmittedAt.AddHours(2)));

        // Assert
        exception.Message.ShouldContain("no sponsor");
        application.SponsorResponse.ShouldBe(SponsorResponse.None);
        application.HasSponsorToken("anything").ShouldBeFalse();
    }

    [Fact]
    public void InviteSponsor_Twice_Throws()
    {
        // Arrange
        var application = Submitted(Details(sponsorEmail: "sponsor@member.eu"));
        var token = application.InviteSponsor(SubmittedAt.AddHours(2));

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.InviteSponsor(SubmittedAt.AddHours(3)));

        // Assert
        exception.Message.ShouldContain("no sponsor");
        application.HasSponsorToken(token).ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, SponsorResponse.Endorsed, ApplicationEventKind.SponsorEndorsed)]
    [InlineData(false, SponsorResponse.Declined, ApplicationEventKind.SponsorDeclined)]
    public void RecordSponsorResponse_ValidToken_RecordsResponseBySponsor(bool endorse, SponsorResponse expected, ApplicationEventKind kind)
    {
        // Arrange
        var application = Submitted(Details(sponsorEmail: "sponsor@member.eu"));
        var token = application.InviteSponsor(SubmittedAt.AddHours(2));
        var now = SubmittedAt.AddHours(5);

        // Act
        application.RecordSponsorResponse(token, endorse, "Sophie Sponsor", now);

        // Assert
        application.SponsorResponse.ShouldBe(expected);
        var answered = application.Events[^1];
        answered.Kind.ShouldBe(kind);
        answered.Actor.ShouldBe("Sophie Sponsor");
        answered.Note.ShouldBeNull();
        answered.At.ShouldBe(now);
    }

    [Fact]
    public void RecordSponsorResponse_WrongToken_Throws()
    {
        // Arrange
        var application = Unverified(out var verificationToken, Details(sponsorEmail: "sponsor@member.eu"));
        application.InviteSponsor(SubmittedAt.AddHours(2));

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.RecordSponsorResponse(verificationToken, true, "Sophie Sponsor", SubmittedAt.AddHours(3)));

        // Assert
        exception.Message.ShouldContain("not valid");
        application.SponsorResponse.ShouldBe(SponsorResponse.Pending);
    }

    [Fact]
    public void RecordSponsorResponse_BeforeInvitation_Throws()
    {
        // Arrange
        var application = Submitted(Details(sponsorEmail: "sponsor@member.eu"));

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.RecordSponsorResponse("some-token", true, "Sophie Sponsor", SubmittedAt.AddHours(3)));

        // Assert
        exception.Message.ShouldContain("not valid");
        application.SponsorResponse.ShouldBe(SponsorResponse.None);
    }

    [Fact]
    public void RecordSponsorResponse_Twice_Throws()
    {
        // Arrange
        var application = Submitted(Details(sponsorEmail: "sponsor@member.eu"));
        var token = application.InviteSponsor(SubmittedAt.AddHours(2));
        application.RecordSponsorResponse(token, true, "Sophie Sponsor", SubmittedAt.AddHours(3));

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.RecordSponsorResponse(token, false, "Sophie Sponsor", SubmittedAt.AddHours(4)));

        // Assert
        exception.Message.ShouldContain("already answered");
        application.SponsorResponse.ShouldBe(SponsorResponse.Endorsed);
    }

    [Fact]
    public void LinkMember_Approved_SetsMemberUserId()
    {
        // Arrange
        var application = InStatus(ApplicationStatus.Approved, out _);

        // Act
        application.LinkMember("user-42");

        // Assert
        application.MemberUserId.ShouldBe("user-42");
    }

    [Theory]
    [InlineData(ApplicationStatus.Unverified)]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.InformationRequested)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void LinkMember_NotApproved_Throws(ApplicationStatus status)
    {
        // Arrange
        var application = InStatus(status, out _);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.LinkMember("user-42"));

        // Assert
        exception.Message.ShouldContain("approved");
        application.MemberUserId.ShouldBeNull();
    }
}
