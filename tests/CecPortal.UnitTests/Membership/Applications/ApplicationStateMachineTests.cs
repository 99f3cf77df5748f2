using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Vetting;
using static CecPortal.UnitTests.Membership.TestApplications;

namespace CecPortal.UnitTests.Membership.Applications;

/// <summary>The moves the state-machine table exercises.</summary>
public enum ApplicationMove
{
    Verify,
    Approve,
    Decline,
    RequestInformation,
    ProvideInformation,
    Withdraw,
    Reopen,
}

public sealed class ApplicationStateMachineTests
{
    private static readonly DateTimeOffset MoveAt = SubmittedAt.AddDays(2);

    /// <summary>Every status × every move: the resulting status, or null when the move is refused.</summary>
    public static TheoryData<ApplicationStatus, ApplicationMove, ApplicationStatus?> Transitions => new()
    {
        { ApplicationStatus.Unverified, ApplicationMove.Verify, ApplicationStatus.Submitted },
        { ApplicationStatus.Unverified, ApplicationMove.Approve, null },
        { ApplicationStatus.Unverified, ApplicationMove.Decline, null },
        { ApplicationStatus.Unverified, ApplicationMove.RequestInformation, null },
        { ApplicationStatus.Unverified, ApplicationMove.ProvideInformation, null },
        { ApplicationStatus.Unverified, ApplicationMove.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.Unverified, ApplicationMove.Reopen, null },

        // Verifying again is a harmless no-op in every later status (the link may be clicked twice).
        { ApplicationStatus.Submitted, ApplicationMove.Verify, ApplicationStatus.Submitted },
        { ApplicationStatus.Submitted, ApplicationMove.Approve, ApplicationStatus.InReview },
        { ApplicationStatus.Submitted, ApplicationMove.Decline, ApplicationStatus.Declined },
        { ApplicationStatus.Submitted, ApplicationMove.RequestInformation, ApplicationStatus.InformationRequested },
        { ApplicationStatus.Submitted, ApplicationMove.ProvideInformation, null },
        { ApplicationStatus.Submitted, ApplicationMove.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.Submitted, ApplicationMove.Reopen, null },

        // InReview already holds the country vetter's approval, so the sector vetter's completes it.
        { ApplicationStatus.InReview, ApplicationMove.Verify, ApplicationStatus.InReview },
        { ApplicationStatus.InReview, ApplicationMove.Approve, ApplicationStatus.Approved },
        { ApplicationStatus.InReview, ApplicationMove.Decline, ApplicationStatus.Declined },
        { ApplicationStatus.InReview, ApplicationMove.RequestInformation, ApplicationStatus.InformationRequested },
        { ApplicationStatus.InReview, ApplicationMove.ProvideInformation, null },
        { ApplicationStatus.InReview, ApplicationMove.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.InReview, ApplicationMove.Reopen, null },

        { ApplicationStatus.InformationRequested, ApplicationMove.Verify, ApplicationStatus.InformationRequested },
        { ApplicationStatus.InformationRequested, ApplicationMove.Approve, null },
        { ApplicationStatus.InformationRequested, ApplicationMove.Decline, ApplicationStatus.Declined },
        { ApplicationStatus.InformationRequested, ApplicationMove.RequestInformation, null },
        { ApplicationStatus.InformationRequested, ApplicationMove.ProvideInformation, ApplicationStatus.InReview },
        { ApplicationStatus.InformationRequested, ApplicationMove.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.InformationRequested, ApplicationMove.Reopen, null },

        { ApplicationStatus.Approved, ApplicationMove.Verify, ApplicationStatus.Approved },
        { ApplicationStatus.Approved, ApplicationMove.Approve, null },
        { ApplicationStatus.Approved, ApplicationMove.Decline, null },
        { ApplicationStatus.Approved, ApplicationMove.RequestInformation, null },
        { ApplicationStatus.Approved, ApplicationMove.ProvideInformation, null },
        { ApplicationStatus.Approved, ApplicationMove.Withdraw, null },
        { ApplicationStatus.Approved, ApplicationMove.Reopen, null },

        { ApplicationStatus.Declined, ApplicationMove.Verify, ApplicationStatus.Declined },
        { ApplicationStatus.Declined, ApplicationMove.Approve, null },
        { ApplicationStatus.Declined, ApplicationMove.Decline, null },
        { ApplicationStatus.Declined, ApplicationMove.RequestInformation, null },
        { ApplicationStatus.Declined, ApplicationMove.ProvideInformation, null },
        { ApplicationStatus.Declined, ApplicationMove.Withdraw, null },
        { ApplicationStatus.Declined, ApplicationMove.Reopen, ApplicationStatus.InReview },

        { ApplicationStatus.Withdrawn, ApplicationMove.Verify, ApplicationStatus.Withdrawn },
        { ApplicationStatus.Withdrawn, ApplicationMove.Approve, null },
        { ApplicationStatus.Withdrawn, ApplicationMove.Decline, null },
        { ApplicationStatus.Withdrawn, ApplicationMove.RequestInformation, null },
        { ApplicationStatus.Withdrawn, ApplicationMove.ProvideInformation, null },
        { ApplicationStatus.Withdrawn, ApplicationMove.Withdraw, null },
        { ApplicationStatus.Withdrawn, ApplicationMove.Reopen, ApplicationStatus.InReview },
    };

    [Fact]
    public void Transitions_Table_CoversEveryStatusAndMoveOnce()
    {
        // Arrange
        var expected = Enum.GetValues<ApplicationStatus>()
            .SelectMany(status => Enum.GetValues<ApplicationMove>().Select(move => (status, move)))
            .ToList();

        // Act
        var covered = Transitions.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();

        // Assert
        covered.Count.ShouldBe(expected.Count);
        covered.ShouldBe(expected, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Move_FromStatus_ReachesTableStatusOrIsRefusedWithStatusUnchanged(ApplicationStatus from, ApplicationMove move, ApplicationStatus? expected)
    {
        // Arrange
        var application = InStatus(from, out var token);
        var eventsBefore = application.Events.Count;
        var reviewsBefore = application.Reviews.Count;
        var roundBefore = application.Round;

        // Act
        var exception = Record.Exception(() => Perform(application, move, token, MoveAt));

        // Assert
        if (expected is null)
        {
            exception.ShouldBeOfType<ApplicationRuleException>().Message.ShouldNotBeNullOrWhiteSpace();
            application.Status.ShouldBe(from);
            application.Events.Count.ShouldBe(eventsBefore);
            application.Reviews.Count.ShouldBe(reviewsBefore);
            application.Round.ShouldBe(roundBefore);
        }
        else
        {
            exception.ShouldBeNull();
            application.Status.ShouldBe(expected.Value);
        }
    }

    [Theory]
    [InlineData(ApplicationStatus.Unverified, ApplicationMove.Approve, "review")]
    [InlineData(ApplicationStatus.Submitted, ApplicationMove.ProvideInformation, "answer")]
    [InlineData(ApplicationStatus.InformationRequested, ApplicationMove.RequestInformation, "ask for more information on")]
    [InlineData(ApplicationStatus.Approved, ApplicationMove.Withdraw, "withdraw")]
    [InlineData(ApplicationStatus.InReview, ApplicationMove.Reopen, "re-open")]
    public void Move_Refused_ExplainsActionAndCurrentStatus(ApplicationStatus from, ApplicationMove move, string action)
    {
        // Arrange
        var application = InStatus(from, out var token);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => Perform(application, move, token, MoveAt));

        // Assert
        exception.Message.ShouldBe($"You cannot {action} an application that is {from.Describe().ToLowerInvariant()}.");
    }

    [Theory]
    [InlineData(ApplicationStatus.Unverified, false, false)]
    [InlineData(ApplicationStatus.Submitted, true, false)]
    [InlineData(ApplicationStatus.InReview, true, false)]
    [InlineData(ApplicationStatus.InformationRequested, true, false)]
    [InlineData(ApplicationStatus.Approved, false, true)]
    [InlineData(ApplicationStatus.Declined, false, true)]
    [InlineData(ApplicationStatus.Withdrawn, false, true)]
    public void IsOpenAndIsDecided_EachStatus_MatchTheQueueAndTheOutcome(ApplicationStatus status, bool isOpen, bool isDecided)
    {
        // Arrange
        var application = InStatus(status, out _);

        // Act
        var (open, decided) = (application.IsOpen, application.IsDecided);

        // Assert
        open.ShouldBe(isOpen);
        decided.ShouldBe(isDecided);
    }

    private static void Perform(MembershipApplication application, ApplicationMove move, string token, DateTimeOffset now)
    {
        switch (move)
        {
            case ApplicationMove.Verify:
                application.Verify(token, [], now);
                break;
            case ApplicationMove.Approve:
                application.Review(SectorVetter, ReviewVerdict.Approve, "Grid operator, in scope.", null, now);
                break;
            case ApplicationMove.Decline:
                application.Review(SectorVetter, ReviewVerdict.Decline, "Organisation is a reseller.", DeclineReason.OrganisationOutOfScope, now);
                break;
            case ApplicationMove.RequestInformation:
                application.RequestInformation(SectorVetter, "Which part of the grid do you secure?", now);
                break;
            case ApplicationMove.ProvideInformation:
                application.ProvideInformation("Transmission, the whole control room estate.", now);
                break;
            case ApplicationMove.Withdraw:
                application.Withdraw(now);
                break;
            case ApplicationMove.Reopen:
                application.Reopen("Ada Admin", "The applicant sent proof of role.", now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, "Unknown move.");
        }
    }
}
