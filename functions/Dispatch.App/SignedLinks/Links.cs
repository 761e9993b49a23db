using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Microsoft.Extensions.Options;

namespace Dispatch.App.SignedLinks;

/// <summary>Mints the signed links each person gets.</summary>
public sealed class Links(TokenSigner signer, IOptions<PublicLinkOptions> options, TimeProvider clock)
{
    private PublicLinkOptions O => options.Value;

    public string ResidentToken(string orderId) =>
        signer.Sign(new AccessToken(TokenRole.Resident, "resident", orderId, clock.GetUtcNow() + O.ResidentLinkLifetime));

    public string MemberToken(string memberId, string communityId) =>
        signer.Sign(new AccessToken(TokenRole.Member, memberId, communityId, clock.GetUtcNow() + O.MemberLinkLifetime));

    /// <summary>An organizer's token; with <paramref name="gridId"/>, a grid organizer's, limited to that grid.</summary>
    public string OrganizerToken(string organizerId, string communityId, string? gridId = null) =>
        signer.Sign(new AccessToken(TokenRole.Organizer, organizerId, communityId, clock.GetUtcNow() + O.OrganizerLinkLifetime, gridId));

    /// <summary>A district administrator's token (scope: the district).</summary>
    public string AdministratorToken(string administratorId) =>
        signer.Sign(new AccessToken(TokenRole.Administrator, administratorId, AccessTokens.District, clock.GetUtcNow() + O.OrganizerLinkLifetime));

    /// <summary>The community's registration link (在职党员报到): anyone holding it may register there.</summary>
    public string RegistrationToken(string communityId) =>
        signer.Sign(new AccessToken(TokenRole.Registrant, AccessTokens.CommunityRegistration, communityId, clock.GetUtcNow() + O.RegistrationLinkLifetime));

    /// <summary>The applicant's own link to follow one registration.</summary>
    public string ApplicantToken(string registrationId, string communityId) =>
        signer.Sign(new AccessToken(TokenRole.Registrant, registrationId, communityId, clock.GetUtcNow() + O.RegistrationLinkLifetime));

    public string Registration(string communityId) => O.Absolute(RegistryRoutes.RegisterPage(RegistrationToken(communityId)));

    public string Tracking(string orderId, string token) => O.Absolute(Routes.TrackingPage(orderId, token));

    public string Inbox(string memberId, string communityId) => O.Absolute(Routes.MemberPage(MemberToken(memberId, communityId)));

    /// <summary>An offer's token: this order only (its page, accept, decline), until the offer's deadline and a short
    /// grace. The notice of an offer travels by SMS and gets forwarded, so it must not open the member's inbox, records
    /// or other orders, nor outlive the offer by a month.</summary>
    public string OfferToken(string orderId, string memberId, DateTimeOffset deadline) =>
        signer.Sign(new AccessToken(TokenRole.Member, memberId, orderId, deadline + O.OfferLinkGrace, OrderScoped: true));

    public string Offer(string orderId, string memberId, DateTimeOffset deadline) =>
        O.Absolute(Routes.OfferPage(orderId, OfferToken(orderId, memberId, deadline)));

    public string Organizer(string organizerId, string communityId, string? gridId = null) =>
        O.Absolute(Routes.OrganizerPage(OrganizerToken(organizerId, communityId, gridId)));
}
