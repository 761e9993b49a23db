using Dispatch.Core.Access;
using Dispatch.Core.Orders;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified organizer's link: who (its subject), for which community (its scope) and, for a grid
/// organizer, which grid (<see cref="GridId"/>; null for a community organizer). As a handler parameter it is the
/// route's rule: no link or a broken one is 401, another role's 403 token-wrongrole. A grid organizer passes too:
/// the use case limits what it reads to <see cref="Sees"/> and checks a loaded order with <see cref="For"/>.
/// Community-wide actions take <see cref="CommunityOrganizerLink"/> instead.</summary>
public sealed record OrganizerLink(AccessToken Token)
{
    public string OrganizerId => Token.Subject;

    public string CommunityId => Token.Scope;

    /// <summary>The grid of a grid organizer (网格员); null for a community organizer, who sees every grid.</summary>
    public string? GridId => Token.Grid;

    /// <summary>Whether this organizer sees what is located in <paramref name="gridId"/> (always, for a community organizer).</summary>
    public bool Sees(string? gridId) => GridId is null || GridId == gridId;

    /// <summary>This link, if it may act on what is located in <paramref name="gridId"/>: 403 token-wrongscope otherwise.</summary>
    public OrganizerLink Over(string? gridId) => Sees(gridId) ? this : throw new InvalidTokenException(TokenFailure.WrongScope);

    /// <summary>Minimal APIs bind it from the request; it never comes from the body or the query.</summary>
    public static ValueTask<OrganizerLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems).</summary>
    public static OrganizerLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new(access.AnyOrganizer(request));
    }

    /// <summary>This link, if it is <paramref name="communityId"/>'s: 403 token-wrongscope otherwise.</summary>
    public OrganizerLink Of(string communityId) => CommunityId == communityId ? this : throw new InvalidTokenException(TokenFailure.WrongScope);

    /// <summary>This link, if it may act on <paramref name="order"/>: an organizer of its community and, for a grid
    /// organizer, an order located in their grid; 403 token-wrongscope otherwise.</summary>
    public OrganizerLink For(OrderState order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Of(order.Request.Location.CommunityId).Over(order.Request.Location.GridId);
    }
}
