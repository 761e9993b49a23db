using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified community organizer's link: an organizer whose link names no grid. The rule of the
/// community-wide actions: posts and their shifts, the assessment year and its freeze, undeliverable offers (their
/// messages may name no order, so no grid), and the org tree. A grid organizer's link is 403 token-wrongscope (it
/// is scoped to less than the community), another role's 403 token-wrongrole, none 401.</summary>
public sealed record CommunityOrganizerLink(AccessToken Token)
{
    public string OrganizerId => Token.Subject;

    public string CommunityId => Token.Scope;

    public static ValueTask<CommunityOrganizerLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems).</summary>
    public static CommunityOrganizerLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var token = access.AnyOrganizer(request);
        return token.Grid is null ? new(token) : throw new InvalidTokenException(TokenFailure.WrongScope);
    }

    /// <summary>The same link as an <see cref="OrganizerLink"/> (seeing every grid), for use cases shared with grid organizers.</summary>
    public OrganizerLink Organizer => new(Token);

    /// <summary>This link, if it is <paramref name="communityId"/>'s: 403 token-wrongscope otherwise.</summary>
    public CommunityOrganizerLink Of(string communityId) => CommunityId == communityId ? this : throw new InvalidTokenException(TokenFailure.WrongScope);
}
