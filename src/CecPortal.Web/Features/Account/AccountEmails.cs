using System.Text;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.WebUtilities;

namespace CecPortal.Web.Features.Account;

/// <summary>Account emails with one-time links on the portal's configured address: password reset and email confirmation.</summary>
public sealed class AccountEmails(UserManager<PortalUser> users, EmailOutbox outbox, PortalUrls urls)
{
    public const string ResetPasswordPath = "/account/reset-password";

    public const string ConfirmEmailPath = "/account/confirm-email";

    public async Task QueuePasswordResetAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = QueryHelpers.AddQueryString(urls.Absolute(ResetPasswordPath), new Dictionary<string, string?> { ["email"] = user.Email, ["code"] = code });
        await outbox.QueueAsync(
            EmailTemplate.Compose(
                user.Email!,
                "Reset your CEC Portal password",
                [
                    $"Hello {user.FullName},",
                    "Someone (hopefully you) asked to reset the password of your CEC Portal account. The link below works once and expires within a day.",
                    "If you did not ask for this, you can ignore this message: your password stays as it is.",
                ],
                ("Choose a new password", link)),
            cancellationToken);
    }

    public async Task QueueEmailConfirmationAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = QueryHelpers.AddQueryString(urls.Absolute(ConfirmEmailPath), new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code });
        await outbox.QueueAsync(
            EmailTemplate.Compose(
                user.Email!,
                "Confirm your email address for the CEC Portal",
                [$"Hello {user.FullName},", "Please confirm that this is your email address so that you can sign in to the CEC Portal."],
                ("Confirm my email address", link)),
            cancellationToken);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
