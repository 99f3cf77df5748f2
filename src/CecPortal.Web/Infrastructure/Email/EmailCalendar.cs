namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// An RFC 5545 calendar object sent by email (iMIP, RFC 6047). <paramref name="Method"/> is the iTIP method of the
/// content (<c>REQUEST</c>, <c>CANCEL</c>, <c>PUBLISH</c>) and must equal its <c>METHOD</c> property: clients read it
/// from the content type to decide whether the message is an invitation.
/// </summary>
public sealed record EmailCalendar(string Method, string Content)
{
    public const int MaxMethodLength = 16;

    /// <summary>The file name of the attached copy.</summary>
    public const string FileName = "invite.ics";
}
