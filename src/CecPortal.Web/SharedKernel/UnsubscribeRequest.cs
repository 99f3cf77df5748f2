
namespace CecPortal.Web.SharedKernel;

/// <summary>What a valid unsubscribe token says: whose link it is and which email it stops.</summary>
public sealed record UnsubscribeRequest(string MemberId, MailingList List);
