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
