using Dispatch.Core.Access;
using Dispatch.Core.Orders;
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

    public AccessToken Read(HttpContext http) => Read(Request(http));

    public AccessToken Resident(HttpRequest request, string orderId) => Check(Read(request), TokenRole.Resident, orderId);

    public AccessToken Resident(HttpContext http, string orderId) => Resident(Request(http), orderId);

    public AccessToken Organizer(HttpRequest request, string communityId) => Check(Read(request), TokenRole.Organizer, communityId);

    public AccessToken Organizer(HttpContext http, string communityId) => Organizer(Request(http), communityId);

    /// <summary>Any organizer's link; the community is the token's scope.</summary>
    public AccessToken AnyOrganizer(HttpRequest request) => Role(Read(request), TokenRole.Organizer);

    public AccessToken AnyOrganizer(HttpContext http) => AnyOrganizer(Request(http));

    /// <summary>A member may act through the offer link of this order or the inbox link of its community.</summary>
    public AccessToken Member(HttpRequest request, OrderState order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var token = Role(Read(request), TokenRole.Member);
        return token.Scope == order.OrderId || token.Scope == order.Request.Location.CommunityId
            ? token
            : throw new InvalidTokenException(TokenFailure.WrongScope);
    }

    public AccessToken Member(HttpContext http, OrderState order) => Member(Request(http), order);

    public AccessToken MemberOfCommunity(HttpRequest request) => Role(Read(request), TokenRole.Member);

    public AccessToken MemberOfCommunity(HttpContext http) => MemberOfCommunity(Request(http));

    /// <summary>The community's registration link (or an applicant's link, which also registers there). The registry's
    /// routes take <see cref="RegistrantLink"/> instead.</summary>
    public AccessToken Registrant(HttpContext http) => Role(Read(Request(http)), TokenRole.Registrant);

    /// <summary>The applicant's link to this registration.</summary>
    public AccessToken Applicant(HttpContext http, string registrationId)
    {
        var token = Registrant(http);
        return token.Subject == registrationId ? token : throw new InvalidTokenException(TokenFailure.WrongPerson);
    }

    private static HttpRequest Request(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request;
    }

    private static AccessToken Role(AccessToken token, TokenRole role) =>
        token.Role == role ? token : throw new InvalidTokenException(TokenFailure.WrongRole);

    private static AccessToken Check(AccessToken token, TokenRole role, string scope) =>
        Role(token, role).Scope == scope ? token : throw new InvalidTokenException(TokenFailure.WrongScope);
}
