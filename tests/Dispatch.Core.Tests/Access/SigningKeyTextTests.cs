using Dispatch.Core.Access;

namespace Dispatch.Core.Tests.Access;

/// <summary>What a signing-key setting may hold: base64 of at least 32 bytes; anything else is refused with a
/// message that names the setting and the fix.</summary>
public class SigningKeyTextTests
{
    private const string Setting = "Dispatch:SigningKey";

    [Fact]
    public void Base64_of_32_bytes_is_the_key()
    {
        var key = TestKeys.Key(7);
        Assert.Equal(key, SigningKeyText.Decode(Convert.ToBase64String(key), Setting));
        Assert.Equal(key, SigningKeyText.Decode(" " + Convert.ToBase64String(key) + "\n", Setting));
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("  ", "is not set")]
    [InlineData("local-demo-signing-key-change-me", "is not base64")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-x.vault.azure.net/secrets/token-signing-key)", "unresolved Key Vault reference")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-x;SecretName=token-signing-key)", "unresolved Key Vault reference")]
    public void Missing_unreadable_and_unresolved_keys_are_refused_by_name(string? text, string reason)
    {
        var e = Assert.Throws<InvalidSigningKeyException>(() => SigningKeyText.Decode(text, Setting));
        Assert.StartsWith(Setting + " ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_31_bytes_is_refused_with_its_length_and_how_to_make_one()
    {
        var e = Assert.Throws<InvalidSigningKeyException>(() => SigningKeyText.Decode(Convert.ToBase64String(TestKeys.Key(7, 31)), Setting));
        Assert.Contains("holds 31 bytes; at least 32", e.Message, StringComparison.Ordinal);
        Assert.Contains(SigningKeyText.MakeOne, e.Message, StringComparison.Ordinal);
    }
}
