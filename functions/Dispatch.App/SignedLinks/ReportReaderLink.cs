using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>Who reads a community's reports (tallies, the monthly trend, the exports), and what they may see: an
/// organizer their own community (a grid organizer only their grid: <see cref="GridId"/>), a district administrator
/// any community, named by the <c>community</c> query parameter (required for them, ignored for organizers, whose
/// link says it). Members, residents and registrants are 403 token-wrongrole; no link or a broken one 401.</summary>
public sealed record ReportReaderLink(AccessToken Token, string CommunityId, string? GridId)
{
    /// <summary>The query parameter an administrator names the community by.</summary>
    public const string CommunityParameter = "community";

    /// <summary>Whether the report shows what is located in <paramref name="gridId"/>.</summary>
    public bool Sees(string? gridId) => GridId is null || GridId == gridId;

    public static ValueTask<ReportReaderLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems; a missing or bad <c>community</c> is a 400 validation problem).</summary>
    public static ReportReaderLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var token = access.Read(request);
        return token.Role switch
        {
            TokenRole.Organizer => new(token, token.Scope, token.Grid),
            TokenRole.Administrator when token.Scope == AccessTokens.District =>
                new(token, Ids.Require(request.Query[CommunityParameter].ToString(), CommunityParameter), null),
            TokenRole.Administrator => throw new InvalidTokenException(TokenFailure.WrongScope),
            _ => throw new InvalidTokenException(TokenFailure.WrongRole),
        };
    }
}
