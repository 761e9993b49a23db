using Dispatch.Core.Access;
using Dispatch.Core.Orders;

namespace Dispatch.Local.Hosting;

/// <summary>Reads the signed link from "Authorization: Bearer …" or the "t" query parameter and checks it
/// against what the caller wants to touch.</summary>
public sealed class Access(TokenSigner signer, TimeProvider clock)
{
    public AccessToken Read(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : http.Request.Query["t"].ToString();
        return signer.Verify(token, clock.GetUtcNow());
    }

    public AccessToken Resident(HttpContext http, string orderId) => Check(Read(http), TokenRole.Resident, orderId);

    public AccessToken Organizer(HttpContext http, string communityId) => Check(Read(http), TokenRole.Organizer, communityId);

    /// <summary>A member may act through the offer link of this order or the inbox link of its community.</summary>
    public AccessToken Member(HttpContext http, OrderState order)
    {
        var token = Read(http);
        if (token.Role != TokenRole.Member)
        {
            throw new InvalidTokenException(TokenFailure.WrongRole);
        }

        return token.Scope == order.OrderId || token.Scope == order.Request.Location.CommunityId
            ? token
            : throw new InvalidTokenException(TokenFailure.WrongScope);
    }

    public AccessToken MemberOfCommunity(HttpContext http)
    {
        var token = Read(http);
        return token.Role == TokenRole.Member ? token : throw new InvalidTokenException(TokenFailure.WrongRole);
    }

    private static AccessToken Check(AccessToken token, TokenRole role, string scope)
    {
        if (token.Role != role)
        {
            throw new InvalidTokenException(TokenFailure.WrongRole);
        }

        return token.Scope == scope ? token : throw new InvalidTokenException(TokenFailure.WrongScope);
    }
}
