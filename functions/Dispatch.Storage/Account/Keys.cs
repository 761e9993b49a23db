using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Storage;

/// <summary>Checks ids before they become partition or row keys, and the stable hashes used for shards.</summary>
internal static class Keys
{
    public const int MaxIdLength = 100;

    /// <summary>An id used inside a key: 1–100 characters, none of '/', '\', '#', '?', '|' or a control
    /// character ('|' separates key parts).</summary>
    public static string Id(string? value, string paramName)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdLength)
        {
            throw new InvalidKeyException($"{paramName} must be 1–{MaxIdLength} characters.", paramName);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' or ',' || char.IsControl(c))
            {
                throw new InvalidKeyException($"{paramName} must not contain '{c}'.", paramName);
            }
        }

        return value;
    }

    /// <summary>FNV-1a over UTF-8: the same on every machine and process (unlike string.GetHashCode).</summary>
    public static int Shard(string value, int shards)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)shards);
    }

    public static string Sha256Hex(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>
    /// (its last character plus one), for "starts with" range queries.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
