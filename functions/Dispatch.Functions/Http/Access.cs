using Dispatch.Core.Access;
using Dispatch.Core.Orders;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Functions.Http;

/// <summary>Reads the signed link from "Authorization: Bearer …" or the "t" query parameter and checks it
/// against what the caller wants to touch. Same rules as the local host's Access.</summary>
public sealed class Access(TokenSigner signer, TimeProvider clock)
{
    public AccessToken Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : request.Query["t"].ToString();
        return signer.Verify(token, clock.GetUtcNow());
    }

    public AccessToken Resident(HttpRequest request, string orderId) => Check(Read(request), TokenRole.Resident, orderId);

    public AccessToken Organizer(HttpRequest request, string communityId) => Check(Read(request), TokenRole.Organizer, communityId);

    /// <summary>A member may act through the offer link of this order or the inbox link of its community.</summary>
    public AccessToken Member(HttpRequest request, OrderState order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var token = Read(request);
        if (token.Role != TokenRole.Member)
        {
            throw new InvalidTokenException(TokenFailure.WrongRole);
        }

        return token.Scope == order.OrderId || token.Scope == order.Request.Location.CommunityId
            ? token
            : throw new InvalidTokenException(TokenFailure.WrongScope);
    }

    public AccessToken MemberOfCommunity(HttpRequest request)
    {
        var token = Read(request);
        return token.Role == TokenRole.Member ? token : throw new InvalidTokenException(TokenFailure.WrongRole);
    }

    public AccessToken AnyOrganizer(HttpRequest request)
    {
        var token = Read(request);
        return token.Role == TokenRole.Organizer ? token : throw new InvalidTokenException(TokenFailure.WrongRole);
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
