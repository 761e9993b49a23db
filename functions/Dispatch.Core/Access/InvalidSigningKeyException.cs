namespace Dispatch.Core.Access;

/// <summary>A signing-key setting the host must not start with: missing, unreadable, too short, an unresolved
/// Key Vault reference, or the public demo key outside a demo. The message names the setting and the fix.</summary>
public sealed class InvalidSigningKeyException(string setting, string problem) : Exception($"{setting} {problem}")
{
    public string Setting { get; } = setting;
}
