using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Api;

/// <summary>The SHA-256 of the canonical validated order form (trimmed fields, the time in UTC): what an
/// idempotency key is bound to, so a replay with another body is told apart from a resubmitted form.</summary>
public static class OrderFingerprint
{
    public static string Of(OrderRequest request, ResidentDetails resident)
    {
        ArgumentNullException.ThrowIfNull(request);
        var canonical = JsonSerializer.Serialize(
            new { request = request with { WantedAt = request.WantedAt?.ToUniversalTime() }, resident }, CoreJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
