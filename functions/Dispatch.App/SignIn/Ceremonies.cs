using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Dispatch.Core.Access;

namespace Dispatch.App.SignIn;

/// <summary>A WebAuthn ceremony's state travels with the browser, sealed: the options (with their challenge), who
/// asked (a session token, for a registration) and until when, under an HMAC with a key derived from the signing key.
/// So asking for options stores nothing (anyone may ask), and the answer is checked against exactly what was sent.</summary>
public sealed class Ceremonies(TokenSigner signer)
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = signer.DerivedKey("passkey-ceremony");

    public string Seal(string optionsJson, string? session, DateTimeOffset now)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Sealed(optionsJson, session, (now + Lifetime).ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The sealed options and who asked, or null when forged, malformed or expired.</summary>
    public (string Options, string? Session, DateTimeOffset ExpiresAt)? Open(string? ceremonyId, DateTimeOffset now)
    {
        var dot = ceremonyId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (ceremonyId is null || dot <= 0 || ceremonyId.Length > 8192)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(ceremonyId.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(ceremonyId.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload))
                || JsonSerializer.Deserialize<Sealed>(payload) is not { } opened)
            {
                return null;
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(opened.E);
            return now < expires ? (opened.O, opened.S, expires) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The key a ceremony is marked answered under.</summary>
    public static string Hash(string ceremonyId) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ceremonyId)));

    private sealed record Sealed(string O, string? S, long E);
}
