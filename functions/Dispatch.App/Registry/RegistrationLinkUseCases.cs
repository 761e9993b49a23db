using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Registry;

/// <summary>The community's registration link (在职党员报到) for its organizers, with a QR code to print on a poster:
/// outside the demo nobody else hands it out. Each call mints a fresh link of the full lifetime; earlier ones keep
/// working until their own end.</summary>
public sealed class RegistrationLinkUseCases(Links links, IOptions<PublicLinkOptions> options, TimeProvider clock)
{
    public IResult Link(OrganizerLink organizer)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var expiresAt = clock.GetUtcNow() + options.Value.RegistrationLinkLifetime;
        var url = links.Registration(organizer.CommunityId);
        return Results.Ok(new RegistrationLinkView(organizer.CommunityId, url, expiresAt, QrCodes.Svg(url)));
    }
}
