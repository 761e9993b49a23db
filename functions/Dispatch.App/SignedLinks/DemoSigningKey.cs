using System.Security.Cryptography;

namespace Dispatch.App.SignedLinks;

/// <summary>The signing key of demos. It is in the repository for anyone to read, so links it signs prove nothing:
/// a host accepts it only in Development or with the demo switch, and uses it there when no key is set.</summary>
public static class DemoSigningKey
{
    /// <summary>The local host's explicit demo switch (run.sh sets it): demo data, /api/demo/links and this key.</summary>
    public const string Switch = "Dispatch:Demo";

    /// <summary>Base64 of the 32 ASCII bytes "dispatch-demo-only-not-a-secret!".</summary>
    public const string Value = "ZGlzcGF0Y2gtZGVtby1vbmx5LW5vdC1hLXNlY3JldCE=";

    /// <summary>Compares bytes, so the same key written another way is still recognised.</summary>
    public static bool Is(byte[] key) => CryptographicOperations.FixedTimeEquals(key, Convert.FromBase64String(Value));
}
