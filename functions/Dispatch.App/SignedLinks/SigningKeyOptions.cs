using Dispatch.Core.Access;

namespace Dispatch.App.SignedLinks;

/// <summary>Section "Dispatch" in both hosts: the key that signs every link, and during a rotation the previous
/// key with the end of its grace period. Keys are base64 of at least 32 random bytes
/// (<see cref="SigningKeyText.MakeOne"/>); in Azure they are Key Vault references.</summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Dispatch";

    /// <summary>Dispatch:SigningKey (Dispatch__SigningKey): signs new links and checks them.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Dispatch:PreviousSigningKey: the key before the last rotation; links it signed still open until
    /// <see cref="PreviousKeyValidUntil"/>.</summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>Dispatch:PreviousKeyValidUntil (ISO 8601 with an offset): the end of the grace period.</summary>
    public DateTimeOffset? PreviousKeyValidUntil { get; set; }

    /// <summary>The keys these settings hold.</summary>
    /// <param name="allowDemoKey">Only a demo may sign with the public <see cref="DemoSigningKey"/>.</param>
    /// <exception cref="InvalidSigningKeyException">A setting the host must not start with.</exception>
    public SigningKeys ToKeys(bool allowDemoKey)
    {
        var current = Decode(SigningKey, nameof(SigningKey), allowDemoKey);
        if (string.IsNullOrWhiteSpace(PreviousSigningKey))
        {
            return PreviousKeyValidUntil is null
                ? new SigningKeys(current)
                : throw new InvalidSigningKeyException(Name(nameof(PreviousKeyValidUntil)),
                    $"is set but {Name(nameof(PreviousSigningKey))} is not. Set both during a rotation, or neither.");
        }

        var previous = Decode(PreviousSigningKey, nameof(PreviousSigningKey), allowDemoKey);
        return PreviousKeyValidUntil is { } until
            ? new SigningKeys(current, previous, until)
            : throw new InvalidSigningKeyException(Name(nameof(PreviousSigningKey)),
                $"is set without {Name(nameof(PreviousKeyValidUntil))}: say until when links it signed still open " +
                "(ISO 8601 with an offset, e.g. 2027-03-01T00:00:00+08:00).");
    }

    private static byte[] Decode(string? text, string property, bool allowDemoKey)
    {
        var setting = Name(property);
        var key = SigningKeyText.Decode(text, setting);
        return allowDemoKey || !DemoSigningKey.Is(key)
            ? key
            : throw new InvalidSigningKeyException(setting,
                "is the public demo key, which anyone can read in the repository. Only a demo accepts it (Development, or the " +
                $"local host with {DemoSigningKey.Switch}=true). Make your own key with: {SigningKeyText.MakeOne}");
    }

    private static string Name(string property) => $"{Section}:{property}";
}
