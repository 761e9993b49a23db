namespace Dispatch.Core.Access;

/// <summary>How a signing key is written in settings: base64 of at least <see cref="SigningKeys.MinimumBytes"/>
/// random bytes. Base64 rather than a passphrase, so the key's strength is its measured length.</summary>
public static class SigningKeyText
{
    /// <summary>A one-line command that makes a key.</summary>
    public const string MakeOne = "openssl rand -base64 32";

    /// <summary>What App Service passes through literally when it cannot resolve a Key Vault reference.</summary>
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    /// <param name="text">The setting's value.</param>
    /// <param name="setting">The setting's name, for the message (e.g. "Dispatch:SigningKey").</param>
    /// <exception cref="InvalidSigningKeyException">Missing, an unresolved Key Vault reference, not base64, or too short.</exception>
    public static byte[] Decode(string? text, string setting)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidSigningKeyException(setting, $"is not set. Make a key with: {MakeOne}");
        }

        var value = text.Trim();
        if (value.StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSigningKeyException(setting,
                "is an unresolved Key Vault reference: the platform could not read the secret and passed the reference on as text. " +
                "Check that the secret exists and that the app's identity has Key Vault Secrets User on the vault.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new InvalidSigningKeyException(setting, $"is not base64. Use base64 of at least {SigningKeys.MinimumBytes} random bytes: {MakeOne}");
        }

        return key.Length >= SigningKeys.MinimumBytes
            ? key
            : throw new InvalidSigningKeyException(setting,
                $"holds {key.Length} bytes; at least {SigningKeys.MinimumBytes} random bytes are needed (base64). Make a key with: {MakeOne}");
    }
}
