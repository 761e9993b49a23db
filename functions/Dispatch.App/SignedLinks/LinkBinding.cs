using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.App.SignedLinks;

/// <summary>How the typed links (<see cref="OrganizerLink"/>, <see cref="MemberLink"/>, <see cref="ResidentLink"/>,
/// <see cref="CallerLink"/>) find <see cref="Access"/> when a minimal API binds them, and the failure they share with it.</summary>
internal static class LinkBinding
{
    /// <summary>A typed link for minimal-API binding, verified with the request's <see cref="Access"/> (the Azure
    /// functions pass theirs instead: a worker request built outside the pipeline, as in tests, has no services).</summary>
    public static ValueTask<T?> Bind<T>(HttpContext context, Func<HttpRequest, Access, T> from)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(from);
        return ValueTask.FromResult<T?>(from(context.Request, context.RequestServices.GetRequiredService<Access>()));
    }

    /// <summary>Same failure as <see cref="Access"/>'s own checks: 403 token-wrongrole.</summary>
    public static AccessToken Role(AccessToken token, TokenRole role) =>
        token.Role == role ? token : throw new InvalidTokenException(TokenFailure.WrongRole);
}
