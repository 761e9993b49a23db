using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignIn;

/// <summary>The session: a token signed like every link (<see cref="TokenSigner"/>), in a cookie the pages' script
/// cannot read (HttpOnly) and the browser sends only on this site's own requests (SameSite=Strict, so another site
/// cannot act with it), on https only when the site is on https. <see cref="SignedLinks.Access"/> reads it after an
/// explicit link, so every route a link opens also opens with a session.</summary>
public static class SessionCookie
{
    public const string Name = "dispatch_session";

    /// <summary>Staff sessions are short: an organizer's or administrator's phone left signed in opens a community.</summary>
    public static TimeSpan StaffLifetime { get; } = TimeSpan.FromHours(12);

    /// <summary>Members sign in on their own phone and come back for offers: a month.</summary>
    public static TimeSpan MemberLifetime { get; } = TimeSpan.FromDays(30);

    public static TimeSpan LifetimeOf(TokenRole role) => role == TokenRole.Member ? MemberLifetime : StaffLifetime;

    public static void Write(HttpContext http, string token, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(Name, token, Options(http, expiresAt));
    }

    public static void Clear(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(Name, Options(http, null));
    }

    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(Name, out var value) ? value : null;
    }

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };
}
