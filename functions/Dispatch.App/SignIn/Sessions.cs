using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignIn;

/// <summary>Opening a session, the same whichever way in (a code or a passkey): the token, the cookie, the view.</summary>
public static class Sessions
{
    public static SessionView Open(HttpContext http, TokenSigner signer, Identity identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(identity);
        var token = new AccessToken(identity.Role, identity.Subject, identity.Scope, now + SessionCookie.LifetimeOf(identity.Role), identity.Grid);
        SessionCookie.Write(http, signer.Sign(token), token.ExpiresAt);
        return View(token);
    }

    public static SessionView View(AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(
            token.Role.ToString(), token.Subject, token.Role == TokenRole.Administrator ? null : token.Scope, token.Grid,
            new Identity(token.Role, token.Subject, token.Scope, token.Grid, "").Home, token.ExpiresAt);
    }
}
