using Dispatch.Core.Access;
using Dispatch.Core.Orders;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified member's link: the member (its subject) and its scope — the community for an inbox link,
/// an order for an offer link (<see cref="AccessToken.OrderScoped"/>, short-lived: see <see cref="Links.Offer"/>).
/// Checks that need the order (is this offer theirs?) stay with the order's use case; as a handler parameter it refuses no link or a broken one (401) and another role's (403).</summary>
public sealed record MemberLink(AccessToken Token)
{
    public string MemberId => Token.Subject;

    /// <summary>The member's community, for the routes an inbox link opens (its scope). An offer link opens its order
    /// only, not the inbox, board, records or posts: 403 token-wrongscope.</summary>
    public string CommunityId => Token.OrderScoped ? throw new InvalidTokenException(TokenFailure.WrongScope) : Token.Scope;

    public static ValueTask<MemberLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems).</summary>
    public static MemberLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new(access.MemberOfCommunity(request));
    }

    /// <summary>This link, if it opens <paramref name="order"/>: its offer link, or the inbox link of its community;
    /// 403 token-wrongscope otherwise.</summary>
    public MemberLink For(OrderState order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Token.Scope == (Token.OrderScoped ? order.OrderId : order.Request.Location.CommunityId)
            ? this
            : throw new InvalidTokenException(TokenFailure.WrongScope);
    }
}
