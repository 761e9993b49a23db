using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Http;

/// <summary>Mints the signed links each person gets (same tokens as the local host).</summary>
public sealed class Links(TokenSigner signer, IOptions<DispatchOptions> options, TimeProvider clock)
{
    private DispatchOptions O => options.Value;

    public string ResidentToken(string orderId) =>
        signer.Sign(new AccessToken(TokenRole.Resident, "resident", orderId, clock.GetUtcNow() + O.ResidentLinkLifetime));

    public string MemberToken(string memberId, string communityId) =>
        signer.Sign(new AccessToken(TokenRole.Member, memberId, communityId, clock.GetUtcNow() + O.MemberLinkLifetime));

    public string OrganizerToken(string organizerId, string communityId) =>
        signer.Sign(new AccessToken(TokenRole.Organizer, organizerId, communityId, clock.GetUtcNow() + O.OrganizerLinkLifetime));

    public string Offer(string orderId, string memberId, string communityId) =>
        O.PublicBaseUrl.TrimEnd('/') + Routes.OfferPage(orderId, MemberToken(memberId, communityId));
}
