using Dispatch.Core.Access;
using Dispatch.Core.Orders;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified link of any role, for routes whose rule depends on what the link opens: an order (its
/// resident, a member it concerns, an organizer of its community) or the post list (organizer or member). The
/// use case checks the role and scope against what it loaded; binding refuses no link or a broken one (401).</summary>
public sealed record CallerLink(AccessToken Token)
{
    public TokenRole Role => Token.Role;

    public static ValueTask<CallerLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems).</summary>
    public static CallerLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new(access.Read(request));
    }

    /// <summary>An organizer who may act on <paramref name="order"/> (its community; a grid organizer, its grid):
    /// 403 token-wrongrole or token-wrongscope otherwise.</summary>
    public OrganizerLink OrganizerFor(OrderState order)
        => new OrganizerLink(LinkBinding.Role(Token, TokenRole.Organizer)).For(order);

    /// <summary>The resident of <paramref name="orderId"/>: 403 token-wrongrole or token-wrongscope otherwise.</summary>
    public ResidentLink ResidentOf(string orderId) => new ResidentLink(LinkBinding.Role(Token, TokenRole.Resident)).Of(orderId);

    /// <summary>A member's link (its scope not checked yet): 403 token-wrongrole otherwise.</summary>
    public MemberLink Member() => new(LinkBinding.Role(Token, TokenRole.Member));
}
