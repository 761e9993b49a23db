using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Core.Access;

public enum TokenFailure
{
    Missing,
    Malformed,
    BadSignature,
    Expired,
    WrongRole,
    WrongScope,
    WrongPerson,
}

/// <summary>A link that is missing, forged, expired, or made for another order or person.</summary>
public sealed class InvalidTokenException(TokenFailure failure)
    : UnauthorizedAccessException(MessageFor(failure))
{
    public TokenFailure Failure { get; } = failure;

    private static string MessageFor(TokenFailure failure) => failure switch
    {
        TokenFailure.Missing => "This link needs an access token.",
        TokenFailure.Malformed => "The access token is not readable.",
        TokenFailure.BadSignature => "The access token was not issued by this service.",
        TokenFailure.Expired => "链接已过期：请打开最新通知里的链接，或登录查看收件箱。 The link has expired: open the link in your latest notice, or sign in to your inbox.",
        TokenFailure.WrongRole => "The link is not for this kind of action.",
        TokenFailure.WrongScope => "The link is for another order or community.",
        _ => "The link is for another person.",
    };
}

/// <summary>Signs and checks access tokens with HMAC-SHA256: <c>base64url(json).base64url(mac)</c>.
/// Accounts are not needed: the link is the credential, bound to a role, a person and an order.
/// New tokens are signed with the current key; during a rotation the previous key is also accepted until its
/// grace period ends (<see cref="SigningKeys"/>).</summary>
public sealed class TokenSigner(SigningKeys keys)
{
    public TokenSigner(byte[] key)
        : this(new SigningKeys(key))
    {
    }

    public string Sign(AccessToken token)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new Payload((int)token.Role, token.Subject, token.Scope, token.ExpiresAt.ToUnixTimeSeconds(), token.Grid, token.OrderScoped));
        var mac = HMACSHA256.HashData(keys.Current, payload);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(mac)}";
    }

    /// <exception cref="InvalidTokenException">Missing, malformed, forged or expired.</exception>
    public AccessToken Verify(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidTokenException(TokenFailure.Missing);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        byte[] payload, mac;
        try
        {
            if (dot <= 0 || token.Length > 2048)
            {
                throw new FormatException();
            }

            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));

            // Strict: only the one text this signer writes for these bytes (no padding, no stray bits, no
            // second dot), so a token has exactly one spelling.
            if (!token.AsSpan(0, dot).SequenceEqual(Base64Url.EncodeToString(payload))
                || !token.AsSpan(dot + 1).SequenceEqual(Base64Url.EncodeToString(mac)))
            {
                throw new FormatException();
            }
        }
        catch (FormatException)
        {
            throw new InvalidTokenException(TokenFailure.Malformed);
        }

        if (!SignedWith(keys.Current, mac, payload) && !(keys.PreviousAt(now) is { } previous && SignedWith(previous, mac, payload)))
        {
            throw new InvalidTokenException(TokenFailure.BadSignature);
        }

        var p = JsonSerializer.Deserialize<Payload>(payload) ?? throw new InvalidTokenException(TokenFailure.Malformed);
        if (!Enum.IsDefined((TokenRole)p.R) || p.S is null || p.C is null)
        {
            throw new InvalidTokenException(TokenFailure.Malformed);
        }

        var result = new AccessToken((TokenRole)p.R, p.S, p.C, DateTimeOffset.FromUnixTimeSeconds(p.E), p.G, p.O);
        if (now >= result.ExpiresAt)
        {
            throw new InvalidTokenException(TokenFailure.Expired);
        }

        return result;
    }

    /// <summary>Verifies and checks role and scope in one go.</summary>
    public AccessToken Require(string? token, TokenRole role, string scope, DateTimeOffset now)
    {
        var result = Verify(token, now);
        if (result.Role != role)
        {
            throw new InvalidTokenException(TokenFailure.WrongRole);
        }

        if (!string.Equals(result.Scope, scope, StringComparison.Ordinal))
        {
            throw new InvalidTokenException(TokenFailure.WrongScope);
        }

        return result;
    }

    /// <summary>A key for another use (e.g. hashing sign-in codes), derived from the current signing key and the
    /// purpose, so the signing key itself is used for links only and each use gets its own key.</summary>
    public byte[] DerivedKey(string purpose) => HMACSHA256.HashData(keys.Current, System.Text.Encoding.UTF8.GetBytes(purpose));

    private static bool SignedWith(byte[] key, byte[] mac, byte[] payload) =>
        CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload));

    /// <summary>G (the grid) is left out when null and O (order-scoped) when false, so a token without them reads the
    /// same as before either existed.</summary>
    private sealed record Payload(
        int R,
        string S,
        string C,
        long E,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? G = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool O = false);
}
