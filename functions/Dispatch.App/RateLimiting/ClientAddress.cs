using System.Net;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.RateLimiting;

/// <summary>Who a request comes from, for per-client limits. Behind proxies the connection's address is the
/// proxy's, so the address is read from X-Forwarded-For, counting only the entries the trusted proxies
/// appended (<see cref="RateLimitOptions.ForwardedHops"/>): the leftmost entries are whatever the client sent.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http, int forwardedHops)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (forwardedHops > 0)
        {
            var entries = http.Request.Headers["X-Forwarded-For"].ToString()
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (entries.Length >= forwardedHops && Parse(entries[^forwardedHops]) is { } forwarded)
            {
                return forwarded;
            }
        }

        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>An address with or without a port ("1.2.3.4:5678", "[::1]:80"), normalised; null when it is none.</summary>
    private static string? Parse(string entry) =>
        IPEndPoint.TryParse(entry, out var endpoint) ? endpoint.Address.ToString()
        : IPAddress.TryParse(entry.Trim('[', ']'), out var address) ? address.ToString()
        : null;
}
