using System.Text.RegularExpressions;

namespace CecPortal.Web.Infrastructure.Operations;

public static partial class SettingsValidation
{
    /// <summary>"Briefings:LeaseDuration must ..." becomes "Briefings__LeaseDuration must ...", the form of an environment variable.</summary>
    public static string AsEnvironmentNames(string message) =>
        SettingPath().Replace(message, match => match.Value.Replace(":", "__", StringComparison.Ordinal));

    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> and checks it when the host starts: its
    /// DataAnnotations and <see cref="IValidatableObject"/> rules, each failure one sentence naming the setting as an
    /// environment variable (<c>Email__Port must be between 1 and 65535 (was 0)</c>).
    /// </summary>
    public static OptionsBuilder<T> BindSettings<T>(this OptionsBuilder<T> builder, string section)
        where T : class =>
        builder.BindConfiguration(section).ValidateSettings(section);

    /// <summary>The same checks for options bound elsewhere (see <see cref="BindSettings{T}"/>).</summary>
    public static OptionsBuilder<T> ValidateSettings<T>(this OptionsBuilder<T> builder, string section)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(builder.Name, section));
        return builder.ValidateOnStart();
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*(:[A-Z][A-Za-z]*)+\b")]
    private static partial Regex SettingPath();
}
