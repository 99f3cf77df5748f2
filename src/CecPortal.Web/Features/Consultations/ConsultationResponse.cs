namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// One member's answer set to one consultation: a draft until submitted, changeable until the deadline. The member id
/// is here only so the member finds their own answers again (and exports them) and answers once; no staff page reads
/// it. The profile's country and sector are copied at submission, because the results are broken down by them as they
/// were then; erasure removes the member id and keeps the anonymous answers in the aggregates.
/// </summary>
public sealed class ConsultationResponse
{
    private readonly List<ConsultationAnswer> _answers = [];

    private ConsultationResponse()
    {
    }

    /// <summary>A random id (not time-ordered, unlike most ids here): sorting by it must not give the order of answering.</summary>
    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ConsultationId { get; private set; }

    /// <summary>Null once the member's account is erased.</summary>
    public string? MemberId { get; private set; }

    public string? CountryCode { get; private set; }

    public string? SectorCode { get; private set; }

    /// <summary>In an attributed consultation: the member agreed that staff see their name with this answer set.</summary>
    public bool Named { get; private set; }

    /// <summary>Null while a draft.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ConsultationAnswer> Answers => _answers;

    public bool IsSubmitted => SubmittedAt is not null;

    public static ConsultationResponse Start(Guid consultationId, string memberId, DateTimeOffset now) => new()
    {
        ConsultationId = consultationId,
        MemberId = memberId,
        UpdatedAt = now,
    };

    /// <summary>Keeps the answers as a draft. A submitted answer set is changed by submitting again, never sent back to draft.</summary>
    public void SaveDraft(IReadOnlyList<ConsultationAnswer> answers, bool named, DateTimeOffset now)
    {
        if (IsSubmitted)
        {
            throw new ConsultationRuleException("Your answers are already submitted: change them and submit again.");
        }

        Replace(answers, named, now);
    }

    public void Submit(IReadOnlyList<ConsultationAnswer> answers, bool named, string? countryCode, string? sectorCode, DateTimeOffset now)
    {
        Replace(answers, named, now);
        CountryCode = countryCode;
        SectorCode = sectorCode;
        SubmittedAt = now;
    }

    /// <summary>Erasure: the answers stay in the aggregates, nobody can tell whose they were.</summary>
    public void Unlink() => MemberId = null;

    private void Replace(IReadOnlyList<ConsultationAnswer> answers, bool named, DateTimeOffset now)
    {
        _answers.Clear();
        foreach (var answer in answers)
        {
            _answers.Add(answer.For(Id));
        }

        Named = named;
        UpdatedAt = now;
    }
}
