using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified resident's link: the one order it opens (its scope). Binding refuses no link or a broken one
/// (401) and another role's (403 token-wrongrole); <see cref="Of"/> checks it against the route's order.</summary>
public sealed record ResidentLink(AccessToken Token)
{
    public string OrderId => Token.Scope;

    public static ValueTask<ResidentLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems).</summary>
    public static ResidentLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new(LinkBinding.Role(access.Read(request), TokenRole.Resident));
    }

    /// <summary>This link, if it is <paramref name="orderId"/>'s: 403 token-wrongscope otherwise.</summary>
    public ResidentLink Of(string orderId) => OrderId == orderId ? this : throw new InvalidTokenException(TokenFailure.WrongScope);
}
