namespace CecPortal.Web.Features.Consultations;

/// <summary>What a consultation question asks for, and therefore how its answers are counted.</summary>
public enum QuestionKind
{
    /// <summary>Exactly one of the question's options.</summary>
    SingleChoice,

    /// <summary>Any number of the question's options (none counts as not answered).</summary>
    MultipleChoice,

    /// <summary>A value from 1 to 5; the question's five options are the labels of 1 to 5.</summary>
    Scale,

    /// <summary>Free text, shown without author and never broken down by country or sector.</summary>
    FreeText,
}
