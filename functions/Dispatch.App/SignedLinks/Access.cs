using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>Reads the signed link from "Authorization: Bearer …", the "t" query parameter or, failing both, the
/// session cookie (<see cref="SignIn.SessionCookie"/>), and checks it against what the caller wants to touch. An
/// explicit link wins over the session, so a link opened while signed in as someone else acts as that link. Both
/// hosts get an ASP.NET Core request.</summary>
public sealed class Access(TokenSigner signer, TimeProvider clock)
{
    public AccessToken Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : request.Query["t"].ToString();
        return signer.Verify(string.IsNullOrEmpty(token) ? SignIn.SessionCookie.Read(request) : token, clock.GetUtcNow());
    }

    /// <summary>Any organizer's link; the community is the token's scope (<see cref="OrganizerLink"/>).</summary>
    public AccessToken AnyOrganizer(HttpRequest request) => Role(Read(request), TokenRole.Organizer);

    /// <summary>Any member's link: an inbox link (scope: the community) or an offer link (scope: one order), see
    /// <see cref="MemberLink"/>.</summary>
    public AccessToken MemberOfCommunity(HttpRequest request) => Role(Read(request), TokenRole.Member);

    private static AccessToken Role(AccessToken token, TokenRole role) =>
        token.Role == role ? token : throw new InvalidTokenException(TokenFailure.WrongRole);
}
