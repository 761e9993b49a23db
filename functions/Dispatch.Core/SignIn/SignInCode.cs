using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Core.SignIn;

/// <summary>The code last sent to a phone, as stored: only its keyed hash (a leaked row does not give the code
/// away, and 10⁶ codes cannot be tried offline without the key), when it was sent, how many wrong codes were
/// tried against it, and whether it was used.</summary>
public sealed record SignInCode(string Hash, DateTimeOffset SentAt, int WrongTries = 0, bool Used = false)
{
    /// <summary>Six digits.</summary>
    public const int Length = 6;

    /// <summary>HMAC-SHA256 of phone and code under the signing key: the same code for two phones hashes apart.</summary>
    public static string HashOf(string phone, string code, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(phone);
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(phone + "|" + code)));
    }

    /// <summary>Six ASCII digits, nothing else.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);

    /// <summary>A new code for <paramref name="phone"/>, from six random digits the caller drew.</summary>
    public static SignInCode Issue(string phone, string code, byte[] key, DateTimeOffset now) =>
        IsWellFormed(code) ? new(HashOf(phone, code, key), now) : throw new ArgumentException("A code is six digits.", nameof(code));
}
