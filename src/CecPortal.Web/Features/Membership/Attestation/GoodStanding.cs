using Microsoft.AspNetCore.Authorization.Policy;

namespace CecPortal.Web.Features.Membership.Attestation;

/// <summary>
/// The part of the <c>Community</c> policy that refuses a lapsed membership (see <see cref="MembershipClaims"/>). It is
/// its own handler, so the policy needs no registration besides the requirement.
/// </summary>
public sealed class GoodStandingRequirement : AuthorizationHandler<GoodStandingRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GoodStandingRequirement requirement)
    {
        if (!context.User.IsLapsed())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A lapsed member who opens a community page is sent to the attestation page, which says why and restores access in
/// one click; anything else refused (a form post, the live stream, another role's page) answers as before.
/// </summary>
public sealed class LapsedMemberRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<GoodStandingRequirement>().Any() == true
            && HttpMethods.IsGet(context.Request.Method)
            && !context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(AttestationPaths.Attest);
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
