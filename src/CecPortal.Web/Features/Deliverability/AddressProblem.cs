namespace CecPortal.Web.Features.Deliverability;

/// <summary>The signed-in person's undeliverable address, as the banner and the address page show it.</summary>
public sealed record AddressProblem(string? Email, DateTimeOffset Since, string? Reason);
