using System.Collections.Frozen;
using System.Text;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Refuses passwords that are, or trivially vary, a common password (OWASP ASVS 5.0, chapter 6). The list is
/// the ~30,000 most common leaked passwords shipped inside the zxcvbn-core package; zxcvbn's own estimate also
/// refuses the guessable-at-once ones (a common password plus digits, a keyboard walk, a repeated character).
/// No composition rules: a long passphrase of plain words passes.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    public const string Message = "This password is too common: it is, or is close to, a password found in lists of leaked passwords. Choose a passphrase of a few unrelated words instead.";

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadList);

    // One estimator for the process: zxcvbn's static MatchPassword builds a new one on each call, which reads and ranks
    // its six word lists (about 100,000 words) again. The estimator only reads them once built, so threads can share it.
    private static readonly Lazy<Zxcvbn.Zxcvbn> Estimator = new(() => new Zxcvbn.Zxcvbn());

    private static readonly char[] PaddingCharacters = [.. "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];

    // The usual look-alike substitutions; '1' is tried as both 'i' and 'l'.
    private static readonly Dictionary<char, char> LeetToLetter = new()
    {
        ['0'] = 'o',
        ['1'] = 'i',
        ['3'] = 'e',
        ['4'] = 'a',
        ['5'] = 's',
        ['7'] = 't',
        ['8'] = 'b',
        ['9'] = 'g',
        ['@'] = 'a',
        ['$'] = 's',
        ['!'] = 'i',
        ['|'] = 'l',
        ['+'] = 't',
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? string.Empty)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Message })
            : IdentityResult.Success);

    /// <summary>True when <paramref name="password"/> is a listed common password or a trivial variant of one.</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var list = CommonPasswords.Value;
        foreach (var candidate in Variants(password))
        {
            if (candidate.Length > 0 && list.Contains(candidate))
            {
                return true;
            }
        }

        // zxcvbn scores 0 what an attacker's first guesses cover, e.g. "monkey123456" or "qwertyuiop123".
        return Estimator.Value.EvaluatePassword(password).Score == 0;
    }

    /// <summary>The password lower-cased, with padding of digits, symbols and spaces trimmed, and with look-alikes undone.</summary>
    private static IEnumerable<string> Variants(string password)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim(PaddingCharacters);
        foreach (var text in new[] { lower, core })
        {
            yield return text;
            foreach (var one in new[] { 'i', 'l' })
            {
                var letters = Unleet(text, one);
                yield return letters;
                yield return letters.Trim(PaddingCharacters);
            }
        }
    }

    private static string Unleet(string text, char one)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c == '1' ? one : LeetToLetter.GetValueOrDefault(c, c));
        }

        return builder.ToString();
    }

    private static FrozenSet<string> LoadList()
    {
        var assembly = typeof(Zxcvbn.Zxcvbn).Assembly;
        using var stream = assembly.GetManifestResourceStream("zxcvbn-core.Dictionaries.passwords.lst")
            ?? throw new InvalidOperationException("The zxcvbn-core package no longer ships its common-password list.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0)
            {
                words.Add(word.ToLower(CultureInfo.InvariantCulture));
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
