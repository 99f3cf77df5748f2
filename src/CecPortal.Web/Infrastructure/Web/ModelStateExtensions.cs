using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Infrastructure.Web;

public static class ModelStateExtensions
{
    /// <summary>
    /// A checkbox posted with a value that is not a boolean (only a hand-made post sends one) makes the checkbox tag
    /// helper throw while re-showing the form (dotnet/aspnetcore#55512). The binding error stays; the box shows unticked.
    /// </summary>
    public static void ResetUnparsableCheckbox(this ModelStateDictionary modelState, string key)
    {
        if (modelState[key] is { ValidationState: ModelValidationState.Invalid } entry && !bool.TryParse(entry.AttemptedValue, out _))
        {
            modelState.SetModelValue(key, rawValue: false, attemptedValue: bool.FalseString);
        }
    }
}
