using Dispatch.Core.Access;

namespace Dispatch.Local.Reports;

/// <summary>The reports' token checks, as the host's Access does them (the signed link from
/// "Authorization: Bearer …" or ?t=, so a download link works), over the core's <see cref="TokenSigner"/>
/// only, so these endpoints do not depend on where the host keeps its access helper.</summary>
public sealed class ReportAccess(TokenSigner signer, TimeProvider clock)
{
    public AccessToken Read(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : http.Request.Query["t"].ToString();
        return signer.Verify(token, clock.GetUtcNow());
    }

    /// <summary>An organizer's token; its scope is the community the organizer may see.</summary>
    public AccessToken Organizer(HttpContext http) => Role(Read(http), TokenRole.Organizer);

    /// <summary>A member's inbox link; its scope is the member's community.</summary>
    public AccessToken Member(HttpContext http) => Role(Read(http), TokenRole.Member);

    private static AccessToken Role(AccessToken token, TokenRole role) =>
        token.Role == role ? token : throw new InvalidTokenException(TokenFailure.WrongRole);
}
