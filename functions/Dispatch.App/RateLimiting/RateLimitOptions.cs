using System.ComponentModel.DataAnnotations;

namespace Dispatch.App.RateLimiting;

/// <summary>Requests per minute and client for what anyone may call without a link (settings RateLimits:*),
/// the same names on both hosts. Each host instance counts on its own: on Azure, N instances allow up to N
/// times the figure.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary><c>POST /api/orders</c>: residents placing orders.</summary>
    [Range(1, 100_000)]
    public int PlaceOrderPerMinute { get; set; } = 20;

    /// <summary><c>GET /api/proofs/{number}</c>: checking a proof number (so numbers cannot be guessed in bulk).</summary>
    [Range(1, 100_000)]
    public int VerifyPerMinute { get; set; } = 60;

    /// <summary><c>POST /api/signin/verify</c>, <c>/api/signin/orders</c>, <c>/api/passkeys/signin</c>: tries at a code
    /// or passkey from one address (each code also dies after 5 wrong tries).</summary>
    [Range(1, 100_000)]
    public int SignInTriesPerMinute { get; set; } = 20;

    /// <summary>How many trusted proxies in front of the host append to <c>X-Forwarded-For</c>: 0 uses the
    /// connection's address (the local host on its own), 1 the address the nearest proxy saw (App Service's
    /// front end), 2 behind a second one (Static Web Apps in front of the Functions app). Entries left of those
    /// are the client's own claims and are never trusted.</summary>
    [Range(0, 5)]
    public int ForwardedHops { get; set; }
}
