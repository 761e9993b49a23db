using System.Security.Cryptography;
using System.Text;

namespace Dispatch.App.Channels;

/// <summary>The VAPID key pair Web Push is sent with (settings Push:PublicKey, Push:PrivateKey as base64url: the
/// uncompressed P-256 point and the private scalar; Push:Subject a <c>mailto:</c> or https contact). Without keys push is
/// off, except in a demo, whose pair is derived from the signing key so it stays the same across restarts.</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    public string? PublicKey { get; set; }

    /// <summary>A secret: from Key Vault or the app's settings, never the repository.</summary>
    public string? PrivateKey { get; set; }

    public string Subject { get; set; } = "mailto:noreply@dispatch.invalid";

    /// <summary>Accept subscriptions whose endpoint is plain http on a loopback address (a local test push service
    /// only); real push services are https.</summary>
    public bool AllowLoopbackHttp { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(PrivateKey);

    /// <summary>A stable pair derived from the (demo) signing key: HMAC gives the private scalar, the curve the point.</summary>
    public void DeriveFrom(string signingKey)
    {
        var d = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes("dispatch-vapid-v1"));
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
        var p = ecdsa.ExportParameters(includePrivateParameters: true);
        PublicKey = Base64Url([0x04, .. p.Q.X!, .. p.Q.Y!]);
        PrivateKey = Base64Url(p.D!);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
