using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified organizer's link: who (its subject) and for which community (its scope). As a handler
/// parameter it is the route's rule: no link or a broken one is 401, another role's 403 token-wrongrole.</summary>
public sealed record OrganizerLink(AccessToken Token)
{
    public string OrganizerId => Token.Subject;

    public string CommunityId => Token.Scope;

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
}
