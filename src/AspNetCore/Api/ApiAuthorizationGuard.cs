using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Refuses every request (403) to an API endpoint that carries no authorization of the app's: neither
/// <c>RequireAuthorization(...)</c> nor an explicit <c>AllowAnonymous()</c>. The API starts and cancels runs, so
/// forgetting to protect it must close it, not open it. The check runs after the authorization middleware, which has
/// already refused a request that the app's policy does not admit.
/// </summary>
internal static class ApiAuthorizationGuard
{
    public const string Refusal =
        "The Inquir management API is not served until the app protects it: call .RequireAuthorization(...) on the builder MapInquirApi returns (or .AllowAnonymous() to open it on purpose).";

    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var metadata = invocation.HttpContext.GetEndpoint()?.Metadata;
        var decided = metadata is not null
            && (metadata.GetMetadata<IAuthorizeData>() is not null
                || metadata.GetMetadata<AuthorizationPolicy>() is not null
                || metadata.GetMetadata<IAllowAnonymous>() is not null);
        return decided
            ? await next(invocation).ConfigureAwait(false)
            : TypedResults.Problem(Refusal, statusCode: StatusCodes.Status403Forbidden);
    }
}
