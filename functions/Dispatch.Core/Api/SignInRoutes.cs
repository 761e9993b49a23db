namespace Dispatch.Core.Api;

/// <summary>Routes of sign-in (登录): a one-time code by phone, the session cookie it opens, and residents finding
/// their orders by phone (找回我的订单).</summary>
public static class SignInRoutes
{
    /// <summary>POST <c>{phone}</c>: send a one-time code to the phone. Always 202 with the same body.</summary>
    public const string Code = "/api/signin/code";

    /// <summary>POST <c>{phone, code, role?, communityId?}</c>: sign in; sets the session cookie.</summary>
    public const string Verify = "/api/signin/verify";

    /// <summary>GET: who the session is; POST to <see cref="SignOut"/> ends it.</summary>
    public const string Session = "/api/session";

    /// <summary>POST: end the session (the cookie is cleared).</summary>
    public const string SignOut = "/api/signout";

    /// <summary>POST <c>{phone, code}</c>: a resident's orders placed with that phone, with their tracking links.</summary>
    public const string ResidentOrders = "/api/signin/orders";

    /// <summary>The pages each role lands on after signing in.</summary>
    public const string SignInPage = "/signin.html";

    public const string OrganizerHome = "/organizer.html";

    public const string MemberHome = "/member.html";

    /// <summary>The district administrator's page.</summary>
    public const string AdministratorHome = "/admin.html";
}

/// <summary>Routes of passkeys (通行密钥), a second way in: a signed-in person registers one, and later signs in with it.</summary>
public static class PasskeyRoutes
{
    /// <summary>POST (the session): the options to create a passkey, with the ceremony id to send back.</summary>
    public const string RegisterOptions = "/api/passkeys/register/options";

    /// <summary>POST <c>{ceremonyId, response}</c> (the session): store the new passkey for the signed-in person.</summary>
    public const string Register = "/api/passkeys/register";

    /// <summary>POST (anyone): the options to sign in with a passkey.</summary>
    public const string SignInOptions = "/api/passkeys/signin/options";

    /// <summary>POST <c>{ceremonyId, response}</c>: sign in; sets the same session cookie as a code does.</summary>
    public const string SignIn = "/api/passkeys/signin";
}
